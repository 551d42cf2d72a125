package dev.earshot.sentiment.scoring;

import java.util.Arrays;

/**
 * Emoji ({@code Rules.EMOJI}) and the lexicon's emoticons (":)", "<3", ":-(") as tokens that carry
 * their own valence: read while tokenizing, valued in place of VADER's word rules.
 */
final class EmojiReader {

    private static final int[] EMOJI_CODES;
    private static final double[] EMOJI_VALENCES;

    static {
        EMOJI_CODES = Rules.EMOJI.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        EMOJI_VALENCES = new double[EMOJI_CODES.length];
        for (int i = 0; i < EMOJI_CODES.length; i++) {
            EMOJI_VALENCES[i] = Rules.EMOJI.get(EMOJI_CODES[i]);
        }
    }

    private final Vocabulary vocabulary;
    private final int[] flags;
    private final double[] valence;

    EmojiReader(CompiledRules rules) {
        this.vocabulary = rules.vocabulary;
        this.flags = rules.flags;
        this.valence = rules.valence;
    }

    /** An emoticon from the lexicon (":)", "<3") as a whole whitespace-delimited chunk; returns its end or -1. */
    int emoticon(String text, int i, Workspace w) {
        int n = text.length();
        int k = i;
        boolean special = false;
        while (k < n && k - i <= 8) {
            char c = text.charAt(k);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                break;
            }
            if (c == ':' || c == ';' || c == '=' || c == '<' || c == '^' || c == '(' || c == ')') {
                special = true;
            }
            k++;
        }
        if (!special || k - i < 2 || k - i > 8) {
            return -1;
        }
        char[] buf = w.lower;
        int end = k;
        while (end - i >= 2) {
            int h = 0;
            for (int j = i; j < end; j++) {
                char c = text.charAt(j);
                char lc = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
                buf[j] = lc;
                h = 31 * h + lc;
            }
            int id = vocabulary.find(buf, i, end - i, h);
            if (id >= 0 && (flags[id] & CompiledRules.F_EMOTICON) != 0 && !Double.isNaN(valence[id])) {
                int t = w.addToken(id, 0, Workspace.T_EMOTICON, i, end);
                w.hash[t] = h;
                return end;
            }
            char last = text.charAt(end - 1);
            if (last == '.' || last == ',' || last == '!' || last == '?') {
                end--;
            } else {
                break;
            }
        }
        return -1;
    }

    /**
     * The symbol or letter at {@code i} (a char from U+2000 up, not a word char): an emoji becomes
     * a token, a letter is counted for the language guard. Returns where the code point ends.
     */
    static int symbol(String text, int i, Workspace w) {
        int cp = text.codePointAt(i);
        int k = Arrays.binarySearch(EMOJI_CODES, cp);
        if (k >= 0) {
            int t = w.addToken(-1, 0, Workspace.T_EMOJI, i, i + Character.charCount(cp));
            w.hash[t] = cp;
            w.emoji[t] = EMOJI_VALENCES[k];
        } else if (Character.isLetter(cp)) {
            LanguageGuard.countLetter(w, cp);
        }
        return i + Character.charCount(cp);
    }

    /** Writes the valence of token {@code i} if it is an emoji or emoticon and says whether it was. */
    boolean value(Workspace w, int i) {
        if ((w.bits[i] & Workspace.T_EMOJI) != 0) {
            w.value[i] = w.emoji[i];
            w.rule[i] = Rule.EMOJI;
            return true;
        }
        if ((w.bits[i] & Workspace.T_EMOTICON) != 0) {
            w.value[i] = valence[w.id[i]];
            w.rule[i] = Rule.EMOJI;
            return true;
        }
        return false;
    }
}
