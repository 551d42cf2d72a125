package dev.earshot.ingest.extract;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Small text helpers shared by the extractors. */
final class Texts {

    private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s+\\((.+)\\)$");

    private Texts() {
    }

    /** A {@code <!} or {@code <?} that opens no comment: HTML would swallow the rest as a bogus comment. */
    private static final Pattern BOGUS_COMMENT = Pattern.compile("<(?=\\?|!(?!--|\\[CDATA\\[|(?i:doctype)))");

    /** Markup and entities become the plain text a reader would see; "five stars <!!!" stays text. */
    static String plainText(String htmlOrText) {
        if (htmlOrText == null) {
            return null;
        }
        return Jsoup.parse(BOGUS_COMMENT.matcher(htmlOrText).replaceAll("&lt;")).text().strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** RSS puts "dana@example.com (Dana K.)" in author: people want the name. */
    static String authorName(String raw) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        Matcher m = EMAIL_WITH_NAME.matcher(s);
        return m.matches() ? m.group(1).strip() : s;
    }

    /** A link made absolute against the document's address; null when there is none or it is not a URL. */
    static String absolute(String base, String link) {
        String l = blankToNull(link);
        if (l == null) {
            return null;
        }
        try {
            URI uri = new URI(l);
            if (uri.isAbsolute() || base == null) {
                return uri.toString();
            }
            return URI.create(base).resolve(uri).toString();
        } catch (Exception e) {
            return l;
        }
    }
}
