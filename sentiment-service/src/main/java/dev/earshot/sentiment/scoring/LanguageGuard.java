package dev.earshot.sentiment.scoring;

/**
 * Guesses a mention's language from stop words and script, counted while tokenizing, and decides
 * whether the text is one the English rules may score.
 */
final class LanguageGuard {

    /** Languages with a stop-word list; a word's language bits index this array. */
    static final String[] LANGUAGES = {"en", "es", "fr", "de", "pt", "it", "nl"};
    private static final int EN = 0;
    private static final int ES = 1;
    private static final int FR = 2;
    private static final int DE = 3;
    private static final int PT = 4;
    private static final int IT = 5;

    private LanguageGuard() {
    }

    /** Counts one non-ASCII letter as Latin or, remembering the first one, as another script. */
    static void countLetter(Workspace w, int cp) {
        if (cp < 0x250) {
            w.latinLetters++;
            countAccent(w, cp);
        } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
            w.latinLetters++;
        } else {
            w.otherLetters++;
            if (w.otherScript == 0) {
                w.otherScript = cp;
            }
        }
    }

    /**
     * A letter only some of the languages write counts as one of their stop words: short posts
     * rarely hold two stop words, but "ß", "ñ" or "ã" say a lot. Letters several languages share
     * with borrowed English words ("é" of café) count for none.
     */
    private static void countAccent(Workspace w, int cp) {
        switch (Character.toLowerCase(cp)) {
            case 'ß', 'ä', 'ö', 'ü' -> w.languageHits[DE]++;
            case 'ñ' -> w.languageHits[ES]++;
            case 'ã', 'õ' -> w.languageHits[PT]++;
            case 'ç' -> {
                w.languageHits[FR]++;
                w.languageHits[PT]++;
            }
            case 'ê', 'â', 'î', 'û', 'œ', 'ë', 'ï' -> w.languageHits[FR]++;
            case 'ì', 'ò' -> w.languageHits[IT]++;
            default -> {
            }
        }
    }

    /** Counts a known word: a stop-word hit for each language in {@code langs}, else an English word. */
    static void countWord(Workspace w, int langs, int letters) {
        int l = langs;
        while (l != 0) {
            w.languageHits[Integer.numberOfTrailingZeros(l)]++;
            l &= l - 1;
        }
        if (letters > 1 && langs == 0) {
            w.englishWords++;
        }
    }

    /** A cheap guess from stop words (and script, for text not in Latin letters). */
    static String language(Workspace w) {
        if (w.otherLetters > w.latinLetters) {
            return scriptLanguage(w.otherScript);
        }
        int best = -1;
        int bestHits = 0;
        for (int lang = 1; lang < LANGUAGES.length; lang++) {
            if (w.languageHits[lang] > bestHits) {
                bestHits = w.languageHits[lang];
                best = lang;
            }
        }
        double english = w.languageHits[EN] + 0.5 * w.englishWords;
        if (best > 0 && bestHits >= 2 && bestHits > english) {
            return LANGUAGES[best];
        }
        if (w.languageHits[EN] > 0 || w.englishWords > 0) {
            return "en";
        }
        return "und";
    }

    /** Whether the English rules may score this text: mostly Latin letters, and English or undetermined. */
    static boolean scorable(Workspace w, String language) {
        return w.otherLetters <= w.latinLetters && (language.equals("en") || language.equals("und"));
    }

    private static String scriptLanguage(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HIRAGANA, KATAKANA -> "ja";
            case HAN -> "zh";
            case HANGUL -> "ko";
            case ARABIC -> "ar";
            case GREEK -> "el";
            case HEBREW -> "he";
            case THAI -> "th";
            case DEVANAGARI -> "hi";
            default -> "und";
        };
    }
}
