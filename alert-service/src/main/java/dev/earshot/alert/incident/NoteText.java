package dev.earshot.alert.incident;

import dev.earshot.events.Alert;

/**
 * A note's text, which staff type and anyone reading {@code alerts} shows: line breaks kept (as {@code \n}), every
 * other control character and the bidirectional overrides dropped (a tab becomes a space), the ends trimmed, and at most
 * {@link Alert.Note#MAX_TEXT} characters. The API cleans what it is given and refuses what is still too long or
 * empty; the stream refuses a command whose text is not clean.
 */
public final class NoteText {

    private NoteText() {
    }

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == '\n' || !Character.isISOControl(c) && !bidiControl(c))
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** The bidirectional overrides and isolates, which can make a note read differently from what it says. */
    private static boolean bidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** Whether {@code text} is a note as {@link #clean} leaves it and short enough. */
    public static boolean acceptable(String text) {
        return text != null && !text.isEmpty() && text.length() <= Alert.Note.MAX_TEXT && text.equals(clean(text));
    }
}
