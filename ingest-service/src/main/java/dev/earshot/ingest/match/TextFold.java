package dev.earshot.ingest.match;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one way brand terms and texts are compared: case and accents ignored, whole words only. */
final class TextFold {

    /**
     * Characters of a text that are folded (and so matched): at least a capped mention's title and text, whole
     * ({@code TextLimits}: 1,000 + a line break + 100,000; TextFoldTest holds the two together, so matching need
     * not import the extraction side). Cut before normalizing, because NFKD expands some characters up to
     * 18-fold (U+FDFA).
     */
    static final int MAX_CHARS = 101_001;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFold() {
    }

    /** Lower case without accents ("Café" → "cafe"), so terms and texts compare equal. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(prefix(text, MAX_CHARS), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The first {@code max} characters or fewer, never ending in half a surrogate pair. */
    private static String prefix(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }

    /** A pattern finding the term as whole words in folded text, any spaces or dashes between its words. */
    static Pattern wholeWords(String term) {
        String[] words = fold(term).strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\p{Pd}]+"); // "Northwind  Coffee", "Northwind-Coffee"
            }
            regex.append(Pattern.quote(words[i]));
        }
        return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString());
    }

    /** How a term is reported on a mention: folded, single spaces. */
    static String display(String term) {
        return fold(term).strip().replaceAll("\\s+", " ");
    }
}
