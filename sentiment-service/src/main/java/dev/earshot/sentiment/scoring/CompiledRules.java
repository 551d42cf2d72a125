package dev.earshot.sentiment.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule compiled once against one vocabulary: per-word valences, flags, booster values,
 * stop-word languages and aspects in arrays indexed by word id, and the phrase book. Built by
 * {@link SentimentScorer}'s constructor and then only read, by every scoring step.
 */
final class CompiledRules {

    // ---- per-word flags

    static final int F_NEGATOR = 1;
    static final int F_BOOSTER = 1 << 1;
    static final int F_CONTRAST = 1 << 2;
    static final int F_CONCESSIVE = 1 << 3;
    static final int F_NUM = 1 << 5;
    static final int F_TIME = 1 << 6;
    static final int F_SARCASM_PRONE = 1 << 7;
    static final int F_SARCASM_LEAD = 1 << 8;
    static final int F_ADVERB_BOOSTER = 1 << 9;
    static final int F_CONDITIONAL = 1 << 10;
    static final int F_LOVE_FOLLOWER = 1 << 11;
    static final int F_EMOTICON = 1 << 12;
    static final int F_WH = 1 << 13;
    static final int F_FAILURE = 1 << 14;
    static final int F_REQUEST = 1 << 15;

    final SentimentScorer.Mode mode;
    final Vocabulary vocabulary;
    final double[] valence;   // NaN = not in the lexicon
    final int[] flags;
    final double[] boost;
    final int[] languages;    // bit per LanguageGuard.LANGUAGES index
    final long[] aspectBits;
    final String[] aspectIds;
    final PhraseBook phrases;
    final int idNo;
    final int idNever;
    final int idSo;
    final int idThis;
    final int idWithout;
    final int idDoubt;
    final int idLeast;
    final int idAt;
    final int idVery;
    final int idOr;
    final int idNor;
    final int idKind;
    final int idSort;
    final int idOf;
    final int idEven;
    final int idThough;
    final int idLove;
    final int idThanks;
    final int idThank;
    final int idFor;
    final int idYou;

    CompiledRules(Lexicon lexicon, AspectTaxonomy aspects, SentimentScorer.Mode mode) {
        this.mode = mode;
        boolean earshot = mode == SentimentScorer.Mode.EARSHOT;
        Vocabulary.Builder words = new Vocabulary.Builder();
        Map<Integer, Double> valences = new HashMap<>();
        Map<Integer, Integer> wordFlags = new HashMap<>();
        Map<Integer, Double> boosts = new HashMap<>();
        Map<Integer, Integer> wordLanguages = new HashMap<>();
        Map<Integer, Long> wordAspects = new HashMap<>();
        PhraseBook book = new PhraseBook();

        for (Map.Entry<String, Double> e : lexicon.entries().entrySet()) {
            String word = e.getKey();
            if (word.indexOf(' ') >= 0) {
                // VADER's reference never matches its own multi-word entries ("fed up"); Earshot does.
                if (earshot) {
                    book.add(PhraseBook.IDIOM, e.getValue(), 0, word.replace("(", "").replace(")", "").replace("|", ""), words);
                }
                continue;
            }
            int id = words.intern(word);
            valences.put(id, e.getValue());
            if (isEmoticon(word)) {
                wordFlags.merge(id, F_EMOTICON, (a, b) -> a | b);
            }
        }
        flag(words, wordFlags, Rules.NEGATORS, F_NEGATOR);
        for (String w : Rules.BOOSTERS) {
            int id = words.intern(w);
            wordFlags.merge(id, F_BOOSTER, (a, b) -> a | b);
            boosts.put(id, Rules.B_INCR);
        }
        for (String w : Rules.DAMPENERS) {
            int id = words.intern(w);
            wordFlags.merge(id, F_BOOSTER, (a, b) -> a | b);
            boosts.put(id, Rules.B_DECR);
        }
        flag(words, wordFlags, Rules.CONTRAST, F_CONTRAST);
        flag(words, wordFlags, Rules.QUESTION_WORDS, F_WH);
        flag(words, wordFlags, Rules.NUMBER_WORDS, F_NUM);
        flag(words, wordFlags, Rules.TIME_UNITS, F_TIME);
        if (earshot) {
            flag(words, wordFlags, Rules.CONCESSIVE, F_CONCESSIVE);
            flag(words, wordFlags, Rules.SARCASM_PRONE, F_SARCASM_PRONE);
            flag(words, wordFlags, Rules.SARCASM_LEAD, F_SARCASM_LEAD);
            flag(words, wordFlags, Rules.ADVERB_BOOSTERS, F_ADVERB_BOOSTER);
            flag(words, wordFlags, Rules.SARCASM_LOVE_FOLLOWERS, F_LOVE_FOLLOWER);
            flag(words, wordFlags, Rules.FAILURE_EVENTS, F_FAILURE);
            flag(words, wordFlags, Rules.REQUEST_LEADS, F_REQUEST);
            flag(words, wordFlags, List.of("if", "unless", "whether", "hope", "hopefully", "hoping", "case"), F_CONDITIONAL);
        }
        for (int lang = 0; lang < LanguageGuard.LANGUAGES.length; lang++) {
            for (String w : Rules.STOP_WORDS.get(LanguageGuard.LANGUAGES[lang])) {
                wordLanguages.merge(words.intern(w), 1 << lang, (a, b) -> a | b);
            }
        }

        List<String> aspectList = new ArrayList<>(aspects.aspects());
        for (int a = 0; a < aspectList.size(); a++) {
            long bit = 1L << a;
            for (String keyword : aspects.keywords(aspectList.get(a))) {
                if (keyword.indexOf(' ') >= 0) {
                    book.add(PhraseBook.ASPECT, 0, bit, keyword, words);
                } else {
                    wordAspects.merge(words.intern(keyword), bit, (x, y) -> x | y);
                    if (!keyword.endsWith("s")) {
                        wordAspects.merge(words.intern(keyword + "s"), bit, (x, y) -> x | y);
                    }
                }
            }
        }
        addRules(book, PhraseBook.IDIOM, Rules.VADER_IDIOMS, false, aspectList, words);
        if (earshot) {
            addRules(book, PhraseBook.IDIOM, Rules.EARSHOT_IDIOMS, false, aspectList, words);
            addRules(book, PhraseBook.COMPLAINT, ComplaintRules.RULES, true, aspectList, words);
            addRules(book, PhraseBook.PRAISE, ComplaintRules.PRAISE, true, aspectList, words);
        }

        this.idNo = words.intern("no");
        this.idNever = words.intern("never");
        this.idSo = words.intern("so");
        this.idThis = words.intern("this");
        this.idWithout = words.intern("without");
        this.idDoubt = words.intern("doubt");
        this.idLeast = words.intern("least");
        this.idAt = words.intern("at");
        this.idVery = words.intern("very");
        this.idOr = words.intern("or");
        this.idNor = words.intern("nor");
        this.idKind = words.intern("kind");
        this.idSort = words.intern("sort");
        this.idOf = words.intern("of");
        this.idEven = words.intern("even");
        this.idThough = words.intern("though");
        this.idLove = words.intern("love");
        this.idThanks = words.intern("thanks");
        this.idThank = words.intern("thank");
        this.idFor = words.intern("for");
        this.idYou = words.intern("you");

        this.vocabulary = words.build();
        int n = vocabulary.size();
        this.valence = new double[n];
        Arrays.fill(valence, Double.NaN);
        valences.forEach((id, v) -> valence[id] = v);
        this.flags = new int[n];
        wordFlags.forEach((id, f) -> flags[id] = f);
        this.boost = new double[n];
        boosts.forEach((id, b) -> boost[id] = b);
        this.languages = new int[n];
        wordLanguages.forEach((id, l) -> languages[id] = l);
        this.aspectBits = new long[n];
        wordAspects.forEach((id, a) -> aspectBits[id] = a);
        this.aspectIds = aspectList.toArray(new String[0]);
        book.index(n);
        this.phrases = book;
    }

    boolean earshot() {
        return mode == SentimentScorer.Mode.EARSHOT;
    }

    private static void flag(Vocabulary.Builder words, Map<Integer, Integer> wordFlags, List<String> list, int flag) {
        for (String w : list) {
            wordFlags.merge(words.intern(w), flag, (a, b) -> a | b);
        }
    }

    /** Lines of "valence [aspects] pattern"; aspects only when {@code withAspects}. */
    private static void addRules(PhraseBook book, byte kind, String rules, boolean withAspects,
            List<String> aspectList, Vocabulary.Builder words) {
        for (String line : rules.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", withAspects ? 3 : 2);
            double v = Double.parseDouble(parts[0]);
            long bits = 0;
            if (withAspects && !parts[1].equals("-")) {
                for (String aspect : parts[1].split(",")) {
                    int a = aspectList.indexOf(aspect);
                    if (a >= 0) {
                        bits |= 1L << a;
                    }
                }
            }
            book.add(kind, v, bits, parts[parts.length - 1], words);
        }
    }

    private static boolean isEmoticon(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '\'' && c != '-') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return mode + ", words=" + vocabulary.size() + ", phrases=" + phrases.size() + ", aspects=" + List.of(aspectIds);
    }
}
