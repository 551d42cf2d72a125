package dev.earshot.console.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts a mention's text at the words that drove its score. Pure text in, text parts out: no markup is made here. */
final class Highlight {

    private static final int MAX_TERMS = 50;

    private Highlight() {
    }

    static List<MentionRow.Part> split(String text, List<String> terms) {
        List<MentionRow.Part> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        Pattern p = pattern(terms);
        if (p == null) {
            parts.add(new MentionRow.Part(text, false));
            return parts;
        }
        Matcher m = p.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new MentionRow.Part(text.substring(at, m.start()), false));
            }
            parts.add(new MentionRow.Part(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(new MentionRow.Part(text.substring(at), false));
        }
        return parts;
    }

    /** Longest terms first so "not good" wins over "good"; each quoted, so a term is never a regular expression. */
    private static Pattern pattern(List<String> terms) {
        if (terms == null) {
            return null;
        }
        List<String> words = terms.stream().filter(t -> t != null && !t.isBlank()).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .distinct().sorted((a, b) -> b.length() - a.length()).limit(MAX_TERMS).toList();
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < words.size(); i++) {
            re.append(i == 0 ? "" : "|").append(Pattern.quote(words.get(i)).replace(" ", "\\E\\s+\\Q"));
        }
        return Pattern.compile(re.append(")(?![\\p{L}\\p{N}])").toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
