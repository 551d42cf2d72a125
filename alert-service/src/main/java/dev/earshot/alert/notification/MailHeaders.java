package dev.earshot.alert.notification;

/**
 * Makes any text safe as the value of a mail header: a CR or LF would end the header and start another
 * ({@code Bcc:}, a second body), so every control character becomes a space. Ids are checked where they
 * are read; this holds whatever reaches a header anyway (defence in depth).
 */
final class MailHeaders {

    private MailHeaders() {
    }

    static String value(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        return b.toString();
    }
}
