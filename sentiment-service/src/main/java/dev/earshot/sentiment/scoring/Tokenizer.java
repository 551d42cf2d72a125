package dev.earshot.sentiment.scoring;

/**
 * Reads a text once, left to right, into the workspace's tokens and sentences: word ids looked up
 * straight from a lower-cased char buffer, phrase classes, caps and n't marks, clause ends, and the
 * counts the language guard and punctuation emphasis need.
 */
final class Tokenizer {

    private final Vocabulary vocabulary;
    private final int[] flags;
    private final int[] languages;
    private final EmojiReader emoji;

    Tokenizer(CompiledRules rules, EmojiReader emoji) {
        this.vocabulary = rules.vocabulary;
        this.flags = rules.flags;
        this.languages = rules.languages;
        this.emoji = emoji;
    }

    void tokenize(String text, Workspace w) {
        int n = text.length();
        int sentenceFrom = 0;
        boolean chunkStart = true;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0' || (c > 127 && Character.isWhitespace(c))) {
                if (c == '\n') {
                    sentenceFrom = closeSentence(w, sentenceFrom, false);
                }
                chunkStart = true;
                i++;
                continue;
            }
            if (chunkStart) {
                chunkStart = false;
                int after = emoji.emoticon(text, i, w);
                if (after > 0) {
                    i = after;
                    continue;
                }
            }
            if (isWordChar(c)) {
                i = word(text, i, w);
                continue;
            }
            switch (c) {
                case '!' -> {
                    w.exclamations++;
                    clauseEnd(w);
                    sentenceFrom = closeSentence(w, sentenceFrom, false);
                }
                case '?' -> {
                    w.questionMarks++;
                    clauseEnd(w);
                    sentenceFrom = closeSentence(w, sentenceFrom, true);
                }
                case '.', ';', '\u2026' -> {
                    clauseEnd(w);
                    sentenceFrom = closeSentence(w, sentenceFrom, false);
                }
                case ',', ':', '-', '\u2013', '\u2014', '(', ')' -> clauseEnd(w);
                default -> {
                    if (c >= 0x2000) {
                        i = EmojiReader.symbol(text, i, w);
                        continue;
                    }
                }
            }
            i++;
        }
        closeSentence(w, sentenceFrom, false);
    }

    private static int closeSentence(Workspace w, int from, boolean question) {
        if (from == w.tokens) {
            if (question && w.sentences > 0 && w.sentEnd[w.sentences - 1] == w.tokens) {
                w.sentQuestion[w.sentences - 1] = true;
            }
            return from;
        }
        w.addSentence(from, w.tokens, question);
        return w.tokens;
    }

    private static void clauseEnd(Workspace w) {
        if (w.tokens > 0) {
            w.bits[w.tokens - 1] |= Workspace.T_CLAUSE_END;
        }
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    /** Scans one word from {@code i}, adds its token(s), returns where it ends. */
    private int word(String text, int i, Workspace w) {
        int n = text.length();
        char[] buf = w.lower;
        int j = i;
        int h = 0;
        int ascii = 0;
        int upper = 0;
        boolean exotic = false;
        boolean digitsOnly = true;
        boolean hyphen = false;
        while (j < n) {
            char c = text.charAt(j);
            char lc;
            if (c < 128) {
                if (c >= 'a' && c <= 'z') {
                    lc = c;
                    ascii++;
                    digitsOnly = false;
                } else if (c >= 'A' && c <= 'Z') {
                    lc = (char) (c + 32);
                    ascii++;
                    upper++;
                    digitsOnly = false;
                } else if (c >= '0' && c <= '9') {
                    lc = c;
                } else if (c == '\'' && j > i && j + 1 < n && isLetter(text.charAt(j + 1))) {
                    lc = '\'';
                    digitsOnly = false;
                } else if (c == '-' && j > i && j + 1 < n && isWordChar(text.charAt(j + 1))) {
                    lc = '-';
                    hyphen = true;
                    digitsOnly = false;
                } else if ((c == '.' || c == ',') && digitsOnly && j > i && j + 1 < n
                        && text.charAt(j + 1) >= '0' && text.charAt(j + 1) <= '9') {
                    lc = c;
                } else {
                    break;
                }
            } else if (c == '\u2019' && j > i && j + 1 < n && isLetter(text.charAt(j + 1))) {
                lc = '\'';
                digitsOnly = false;
            } else if (Character.isLetterOrDigit(c)) {
                lc = Character.toLowerCase(c);
                if (Character.isLetter(c)) {
                    digitsOnly = false;
                    exotic = true;
                    LanguageGuard.countLetter(w, c);
                }
            } else {
                break;
            }
            buf[j] = lc;
            h = 31 * h + lc;
            j++;
        }
        int len = j - i;
        w.latinLetters += ascii;
        int id = vocabulary.find(buf, i, len, h);
        if (id < 0 && hyphen) {
            int from = i;
            for (int k = i; k <= j; k++) {
                if (k == j || buf[k] == '-') {
                    if (k > from) {
                        int partHash = Vocabulary.hash(buf, from, k - from);
                        addWord(w, vocabulary.find(buf, from, k - from, partHash), buf, from, k, text, -1, -1);
                    }
                    from = k + 1;
                }
            }
            return j;
        }
        if (id < 0 && len > 2 && buf[j - 1] == 's' && buf[j - 2] == '\'') {
            int stem = Vocabulary.hash(buf, i, len - 2);
            id = vocabulary.find(buf, i, len - 2, stem);
        }
        addWord(w, id, buf, i, j, text, exotic ? -1 : upper, exotic ? -1 : ascii);
        return j;
    }

    /** Adds a word token; {@code upper}/{@code letters} are the letter counts when known, else -1. */
    private void addWord(Workspace w, int id, char[] buf, int from, int to, String text, int upper, int letters) {
        int classes = 0;
        int bits = 0;
        boolean digitsOnly = letters == 0;
        if (letters < 0) {
            upper = 0;
            letters = 0;
            digitsOnly = true;
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (Character.isLetter(c)) {
                    letters++;
                    digitsOnly = false;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                } else if ((c < '0' || c > '9') && c != '.' && c != ',') {
                    digitsOnly = false;
                }
            }
        }
        if (letters > 0) {
            if (upper >= 2 && upper == letters) {
                bits |= Workspace.T_CAPS;
                w.capsWords++;
            } else {
                w.plainWords++;
            }
        }
        int len = to - from;
        if (len >= 3 && buf[to - 1] == 't' && buf[to - 2] == '\'' && buf[to - 3] == 'n') {
            bits |= Workspace.T_NT;
            classes |= PhrasePattern.CLASS_NEG;
        }
        if (digitsOnly && len > 0) {
            classes |= PhrasePattern.CLASS_NUM;
        }
        if (id >= 0) {
            int f = flags[id];
            if ((f & CompiledRules.F_NEGATOR) != 0) {
                classes |= PhrasePattern.CLASS_NEG;
            }
            if ((f & CompiledRules.F_NUM) != 0) {
                classes |= PhrasePattern.CLASS_NUM;
            }
            if ((f & CompiledRules.F_TIME) != 0) {
                classes |= PhrasePattern.CLASS_TIME;
            }
            LanguageGuard.countWord(w, languages[id], letters);
        }
        int t = w.addToken(id, classes, bits, from, to);
        w.hash[t] = (classes & PhrasePattern.CLASS_NUM) != 0 ? LearnedFeatures.NUMBER : Vocabulary.hash(buf, from, len);
    }
}
