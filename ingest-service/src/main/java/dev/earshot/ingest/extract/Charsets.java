package dev.earshot.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the charset a body is really in. Servers and documents often lie: a page declared UTF-8
 * that is Windows-1252, or one declared ISO-8859-1 that is UTF-8. Bytes that are valid UTF-8 with
 * non-ASCII in them are almost never anything else, and bytes that are not valid UTF-8 are not UTF-8.
 */
public final class Charsets {

    private static final Pattern CHARSET_PARAM = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    /** The charset named in a Content-Type header, if any and known. */
    public static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = CHARSET_PARAM.matcher(contentType);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(m.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The declared charset, corrected when the bytes prove it wrong. */
    public static Charset corrected(byte[] body, Charset declared) {
        if (hasUtf16Bom(body)) {
            return declared;
        }
        boolean utf8Declared = declared == null || declared.equals(StandardCharsets.UTF_8);
        boolean validUtf8 = isValidUtf8(body);
        if (utf8Declared && !validUtf8) {
            return WINDOWS_1252;
        }
        if (!utf8Declared && validUtf8 && hasNonAscii(body) && isSingleByte(declared)) {
            return StandardCharsets.UTF_8;
        }
        return declared == null ? StandardCharsets.UTF_8 : declared;
    }

    /** Decodes with the corrected charset, dropping a byte-order mark. */
    public static String decode(byte[] body, Charset declared) {
        String text = new String(body, corrected(body, declared));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSingleByte(Charset cs) {
        String name = cs.name().toLowerCase(Locale.ROOT);
        return name.startsWith("iso-8859") || name.startsWith("windows-125") || name.equals("us-ascii");
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }
}
