package dev.earshot.sentiment.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A phrase rule over words, compiled against a {@link Vocabulary} so that matching compares ints.
 *
 * <p>Syntax, elements separated by spaces:
 * <ul>
 *   <li>{@code word} — that word; {@code a|b|c} — any of them; {@code no_one} — the words
 *       "no one" in a row (an alternative may be several words joined by {@code _});</li>
 *   <li>a trailing {@code ?} makes an element optional: {@code my|our?};</li>
 *   <li>{@code ~N} — up to N words of anything;</li>
 *   <li>{@code #num} a number (digits or a number word), {@code #time} a unit of time,
 *       {@code #neg} a negation ("not", "never", any word ending in n't); these may stand among
 *       alternatives too: {@code #num|an|a}.</li>
 * </ul>
 * Parentheses are decoration and ignored. The first element may not be optional or a gap.
 */
final class PhrasePattern {

    static final int CLASS_NUM = 1;
    static final int CLASS_TIME = 2;
    static final int CLASS_NEG = 4;

    /** One element after expansion: a set of single words and classes, or a gap. */
    record Element(int[] ids, int classes, boolean optional, int gap) {
        boolean accepts(int id, int tokenClasses) {
            if ((classes & tokenClasses) != 0) {
                return true;
            }
            if (id < 0) {
                return false;
            }
            for (int candidate : ids) {
                if (candidate == id) {
                    return true;
                }
            }
            return false;
        }
    }

    final String source;
    final Element[] elements;

    private PhrasePattern(String source, Element[] elements) {
        this.source = source;
        this.elements = elements;
    }

    /** The patterns one line of syntax expands to (one per multi-word alternative). */
    static List<PhrasePattern> compile(String source, Vocabulary.Builder vocabulary) {
        List<List<String[]>> raw = new ArrayList<>();
        for (String part : source.strip().toLowerCase(Locale.ROOT).replace("(", "").replace(")", "").split("\\s+")) {
            List<String[]> alternatives = new ArrayList<>();
            if (part.startsWith("~")) {
                alternatives.add(new String[] {part});
            } else {
                boolean optional = part.endsWith("?") && part.length() > 1;
                String body = optional ? part.substring(0, part.length() - 1) : part;
                for (String alt : body.split("\\|")) {
                    if (alt.isEmpty()) {
                        throw new IllegalArgumentException("empty alternative in phrase: " + source);
                    }
                    alternatives.add(alt.split("_"));
                }
                if (optional) {
                    alternatives.add(new String[0]);
                }
            }
            raw.add(alternatives);
        }
        List<List<String[]>> expanded = new ArrayList<>();
        expand(raw, 0, new ArrayList<>(), expanded);
        List<PhrasePattern> patterns = new ArrayList<>();
        for (List<String[]> sequence : expanded) {
            patterns.add(new PhrasePattern(source, toElements(source, sequence, vocabulary)));
        }
        return patterns;
    }

    /**
     * Expands multi-word alternatives into separate sequences. Each element of a sequence is an
     * array of single-word alternatives, a gap ({@code ~N}), or an optional set (ending in "").
     */
    private static void expand(List<List<String[]>> raw, int index, List<String[]> prefix, List<List<String[]>> out) {
        if (index == raw.size()) {
            out.add(new ArrayList<>(prefix));
            return;
        }
        List<String[]> alternatives = raw.get(index);
        if (alternatives.size() == 1 && alternatives.get(0).length == 1 && alternatives.get(0)[0].startsWith("~")) {
            prefix.add(alternatives.get(0));
            expand(raw, index + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
            return;
        }
        List<String> singles = new ArrayList<>();
        boolean optional = false;
        for (String[] alt : alternatives) {
            if (alt.length == 0) {
                optional = true;
            } else if (alt.length == 1) {
                singles.add(alt[0]);
            }
        }
        if (!singles.isEmpty()) {
            if (optional) {
                singles.add("");
            }
            prefix.add(singles.toArray(new String[0]));
            expand(raw, index + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        } else if (optional) {
            expand(raw, index + 1, prefix, out);
        }
        for (String[] alt : alternatives) {
            if (alt.length > 1) {
                for (String word : alt) {
                    prefix.add(new String[] {word});
                }
                expand(raw, index + 1, prefix, out);
                for (int i = 0; i < alt.length; i++) {
                    prefix.remove(prefix.size() - 1);
                }
            }
        }
    }

    private static Element[] toElements(String source, List<String[]> sequence, Vocabulary.Builder vocabulary) {
        Element[] elements = new Element[sequence.size()];
        for (int e = 0; e < elements.length; e++) {
            String[] alts = sequence.get(e);
            if (alts.length == 1 && alts[0].startsWith("~")) {
                int gap = Integer.parseInt(alts[0].substring(1));
                elements[e] = new Element(new int[0], 0, false, gap);
                continue;
            }
            boolean optional = false;
            int classes = 0;
            List<Integer> ids = new ArrayList<>();
            for (String alt : alts) {
                switch (alt) {
                    case "" -> optional = true;
                    case "#num" -> classes |= CLASS_NUM;
                    case "#time" -> classes |= CLASS_TIME;
                    case "#neg" -> classes |= CLASS_NEG;
                    default -> {
                        if (alt.startsWith("#")) {
                            throw new IllegalArgumentException("unknown class " + alt + " in phrase: " + source);
                        }
                        ids.add(vocabulary.intern(alt));
                    }
                }
            }
            elements[e] = new Element(ids.stream().mapToInt(Integer::intValue).toArray(), classes, optional, 0);
        }
        if (elements.length == 0 || elements[0].optional() || elements[0].gap() > 0) {
            throw new IllegalArgumentException("a phrase must start with a required word: " + source);
        }
        return elements;
    }

    /**
     * Matches this pattern at token {@code from} of {@code ids}/{@code classes}, not past
     * {@code limit}; returns the end (exclusive) of the shortest match, or -1.
     */
    int matchAt(int[] ids, int[] classes, int from, int limit) {
        return match(0, ids, classes, from, limit);
    }

    private int match(int e, int[] ids, int[] classes, int at, int limit) {
        if (e == elements.length) {
            return at;
        }
        Element element = elements[e];
        if (element.gap() > 0) {
            for (int skip = 0; skip <= element.gap() && at + skip <= limit; skip++) {
                int end = match(e + 1, ids, classes, at + skip, limit);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        if (at < limit && element.accepts(ids[at], classes[at])) {
            int end = match(e + 1, ids, classes, at + 1, limit);
            if (end >= 0) {
                return end;
            }
        }
        return element.optional() ? match(e + 1, ids, classes, at, limit) : -1;
    }

    @Override
    public String toString() {
        return source;
    }
}
