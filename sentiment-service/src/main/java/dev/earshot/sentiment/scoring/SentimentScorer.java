package dev.earshot.sentiment.scoring;

import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores how a mention feels: VADER's published rule-based method in plain Java, plus a complaint
 * layer, aspects, a star-rating blend and a language guard. See {@code sentiment-service/SCORING.md}.
 *
 * <p>Immutable and thread-safe: build one at startup and share it. Everything the hot path needs
 * is precompiled into int-indexed arrays; a token costs one hash lookup, and a call allocates
 * little beyond its result (each thread reuses its own scratch buffers).
 */
public final class SentimentScorer {

    // ---- label, blend and complaint thresholds (tuned on the dev half of the evaluation set only)

    /** Scores at or above this are positive, at or below its negation negative. */
    static final double NEUTRAL_BAND = 0.10;
    /** Share of the text in the score when it and the star rating agree (or neither is strong). */
    static final double TEXT_WEIGHT = 0.7;
    /** Text this sure of itself ... */
    static final double CONFLICT_TEXT = 0.4;
    /** ... against a rating this far from the middle, the other way, is a rating conflict. */
    static final double CONFLICT_RATING = 0.5;
    /** A text matching a complaint rule is a complaint unless its score ends up above this. */
    static final double COMPLAINT_MAX_SCORE = 0.25;
    /** Any text scoring at or below this (i.e. labelled negative) is a complaint, complaint rule or not. */
    static final double NEGATIVE_IS_COMPLAINT = -NEUTRAL_BAND;

    /** Which rules run: {@code VADER} is the published method alone, kept as the evaluation baseline. */
    enum Mode { EARSHOT, VADER }

    // ---- rule names, as shown in explanations

    static final byte R_LEXICON = 1;
    static final byte R_NEGATION = 2;
    static final byte R_BOOSTER = 3;
    static final byte R_DAMPENER = 4;
    static final byte R_BUT = 5;
    static final byte R_CAPS = 6;
    static final byte R_EMOJI = 7;
    static final byte R_IDIOM = 8;
    static final byte R_COMPLAINT = 9;
    static final byte R_SARCASM = 10;
    static final byte R_PRAISE = 11;
    private static final String[] RULE_NAMES = {
        "", "lexicon", "negation", "booster", "dampener", "but-clause", "caps", "emoji", "idiom",
        "complaint-phrase", "sarcasm", "praise-phrase"};

    // ---- per-word flags

    private static final int F_NEGATOR = 1;
    private static final int F_BOOSTER = 1 << 1;
    private static final int F_CONTRAST = 1 << 2;
    private static final int F_CONCESSIVE = 1 << 3;
    private static final int F_NUM = 1 << 5;
    private static final int F_TIME = 1 << 6;
    private static final int F_SARCASM_PRONE = 1 << 7;
    private static final int F_SARCASM_LEAD = 1 << 8;
    private static final int F_ADVERB_BOOSTER = 1 << 9;
    private static final int F_CONDITIONAL = 1 << 10;
    private static final int F_LOVE_FOLLOWER = 1 << 11;
    private static final int F_EMOTICON = 1 << 12;
    private static final int F_WH = 1 << 13;

    private static final String[] LANGUAGES = {"en", "es", "fr", "de", "pt", "it", "nl"};
    private static final int EN = 0;

    private static final int[] EMOJI_CODES;
    private static final double[] EMOJI_VALENCES;

    static {
        EMOJI_CODES = Rules.EMOJI.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        EMOJI_VALENCES = new double[EMOJI_CODES.length];
        for (int i = 0; i < EMOJI_CODES.length; i++) {
            EMOJI_VALENCES[i] = Rules.EMOJI.get(EMOJI_CODES[i]);
        }
    }

    private final Mode mode;
    private final Vocabulary vocabulary;
    private final double[] valence;   // NaN = not in the lexicon
    private final int[] flags;
    private final double[] boost;
    private final int[] languages;    // bit per LANGUAGES index
    private final long[] aspectBits;
    private final String[] aspectIds;
    private final PhraseBook phrases;
    private final int idNo;
    private final int idNever;
    private final int idSo;
    private final int idThis;
    private final int idWithout;
    private final int idDoubt;
    private final int idLeast;
    private final int idAt;
    private final int idVery;
    private final int idOr;
    private final int idNor;
    private final int idKind;
    private final int idSort;
    private final int idOf;
    private final int idEven;
    private final int idThough;
    private final int idLove;
    private final int idThanks;
    private final int idThank;
    private final int idFor;
    private final int idYou;

    /** VADER's lexicon from the classpath and Earshot's default aspects. */
    public static SentimentScorer withDefaults() {
        return DefaultHolder.DEFAULT;
    }

    private static final class DefaultHolder {
        static final SentimentScorer DEFAULT = new SentimentScorer(Lexicon.vader(), AspectTaxonomy.defaults());
    }

    public SentimentScorer(Lexicon lexicon, AspectTaxonomy aspects) {
        this(lexicon, aspects, Mode.EARSHOT);
    }

    SentimentScorer(Lexicon lexicon, AspectTaxonomy aspects, Mode mode) {
        this.mode = mode;
        boolean earshot = mode == Mode.EARSHOT;
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
            flag(words, wordFlags, List.of("if", "unless", "whether", "hope", "hopefully", "hoping", "case"), F_CONDITIONAL);
        }
        for (int lang = 0; lang < LANGUAGES.length; lang++) {
            for (String w : Rules.STOP_WORDS.get(LANGUAGES[lang])) {
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

    // =====================================================================================
    // Scoring

    /**
     * Scores one mention.
     *
     * @param text   the mention's text (null counts as empty)
     * @param rating the star rating the source gave, or null
     */
    public Sentiment score(String text, Rating rating) {
        String t = text == null ? "" : text;
        Workspace w = Workspace.forText(t.length());
        w.reset();
        tokenize(t, w);
        double ratingScore = ratingScore(rating);
        boolean hasRating = !Double.isNaN(ratingScore);

        String language = language(w);
        boolean english = w.otherLetters <= w.latinLetters
                && (language.equals("en") || language.equals("und"));
        if (!english || w.tokens == 0) {
            return ratingOnly(language, hasRating, ratingScore, rating);
        }

        boolean capDiff = w.capsWords > 0 && w.plainWords > 0;
        long aspectSeen = 0;
        int[] aspectOrder = w.aspectOrder;
        int aspectCount = 0;
        for (int s = 0; s < w.sentences; s++) {
            int from = w.sentStart[s];
            int to = w.sentEnd[s];
            markModifiers(w, from, to);
            // single-word aspects, in order of appearance
            for (int i = from; i < to; i++) {
                int id = w.id[i];
                if (id >= 0) {
                    long bits = aspectBits[id] & ~aspectSeen;
                    while (bits != 0) {
                        int a = Long.numberOfTrailingZeros(bits);
                        aspectOrder[aspectCount++] = a;
                        aspectSeen |= 1L << a;
                        bits &= bits - 1;
                    }
                }
            }
            long phraseAspects = matchPhrases(w, from, to);
            long newBits = phraseAspects & ~aspectSeen;
            while (newBits != 0) {
                int a = Long.numberOfTrailingZeros(newBits);
                aspectOrder[aspectCount++] = a;
                aspectSeen |= 1L << a;
                newBits &= newBits - 1;
            }
            for (int i = from; i < to; i++) {
                if (!w.covered[i] && !w.modifier[i]) {
                    valence(w, i, from, to, capDiff);
                }
            }
        }
        String[] found = new String[aspectCount];
        for (int a = 0; a < aspectCount; a++) {
            found[a] = aspectIds[aspectOrder[a]];
        }
        List<String> aspectList = List.of(found);
        int complaints = w.complaints;
        if (mode == Mode.EARSHOT) {
            sarcasm(w, complaints);
        }
        contrast(w);

        double sum = 0;
        boolean evidence = false;
        for (int i = 0; i < w.tokens; i++) {
            if (w.value[i] != 0) {
                sum += w.value[i];
                evidence = true;
            }
        }
        if (!evidence) {
            Sentiment fromRating = ratingOnly(language, hasRating, ratingScore, rating);
            Intent intent = intent(w, fromRating.label(), fromRating.score(), fromRating.complaint());
            return new Sentiment(fromRating.score(), fromRating.label(), fromRating.complaint(), intent, aspectList,
                    fromRating.explanation(), language, false);
        }
        double punctuation = punctuationEmphasis(w);
        if (sum > 0) {
            sum += punctuation;
        } else if (sum < 0) {
            sum -= punctuation;
        } else {
            punctuation = 0;
        }
        double norm = Math.sqrt(sum * sum + Rules.ALPHA);
        double textScore = clamp(sum / norm);

        boolean conflict = false;
        double textWeight = 1;
        double score = textScore;
        if (hasRating) {
            conflict = (textScore <= -CONFLICT_TEXT && ratingScore >= CONFLICT_RATING)
                    || (textScore >= CONFLICT_TEXT && ratingScore <= -CONFLICT_RATING);
            textWeight = conflict ? 1 : TEXT_WEIGHT;
            score = clamp(textWeight * textScore + (1 - textWeight) * ratingScore);
        }

        Label label = label(score);
        boolean complaint = mode == Mode.EARSHOT
                && ((complaints > 0 && score < COMPLAINT_MAX_SCORE) || score <= NEGATIVE_IS_COMPLAINT);
        Intent intent = intent(w, label, score, complaint);

        List<Contribution> explanation = explain(t, w, textWeight / norm, sum > 0 ? punctuation : -punctuation,
                hasRating && !conflict ? (1 - textWeight) * ratingScore : 0, rating);
        return new Sentiment(score, label, complaint, intent, aspectList, explanation, language, conflict);
    }

    private static double clamp(double x) {
        return Math.max(-1, Math.min(1, x));
    }

    private static Label label(double score) {
        if (score >= NEUTRAL_BAND) {
            return Label.POSITIVE;
        }
        if (score <= -NEUTRAL_BAND) {
            return Label.NEGATIVE;
        }
        return Label.NEUTRAL;
    }

    /**
     * The rating on [-1, 1], or NaN when there is none usable. Scales start at 1 as in schema.org's
     * default {@code worstRating}: 1 of 5 stars = -1, 3 = 0, 5 = +1; 1 of 10 = -1, 10 = +1. A scale
     * whose best is 1 or less is read as a fraction from 0.
     */
    static double ratingScore(Rating rating) {
        if (rating == null || !(rating.best() > 0) || !Double.isFinite(rating.value()) || !Double.isFinite(rating.best())) {
            return Double.NaN;
        }
        double best = rating.best();
        double worst = best > 1 ? 1 : 0;
        double value = Math.max(worst, Math.min(best, rating.value()));
        return 2 * (value - worst) / (best - worst) - 1;
    }

    private Sentiment ratingOnly(String language, boolean hasRating, double ratingScore, Rating rating) {
        if (!hasRating) {
            return new Sentiment(0, Label.UNKNOWN, false, Intent.OTHER, List.of(), List.of(), language, false);
        }
        Label label = label(ratingScore);
        boolean complaint = mode == Mode.EARSHOT && ratingScore <= NEGATIVE_IS_COMPLAINT;
        Intent intent = complaint ? Intent.COMPLAINT : label == Label.POSITIVE ? Intent.PRAISE : Intent.OTHER;
        List<Contribution> why = List.of(new Contribution(ratingTerm(rating), "rating", round(ratingScore)));
        return new Sentiment(ratingScore, label, complaint, intent, List.of(), why, language, false);
    }

    private static String ratingTerm(Rating rating) {
        return stars(rating.value()) + "/" + stars(rating.best());
    }

    private static String stars(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    private Intent intent(Workspace w, Label label, double score, boolean complaint) {
        if (complaint) {
            return Intent.COMPLAINT;
        }
        boolean question = false;
        for (int s = 0; s < w.sentences && !question; s++) {
            question = w.sentQuestion[s];
        }
        if (!question && w.tokens > 0 && w.id[0] >= 0 && (flags[w.id[0]] & F_WH) != 0
                && w.exclamations == 0 && w.sentences == 1) {
            question = true;
        }
        if (question && !(label == Label.POSITIVE && score >= 0.5)) {
            return Intent.QUESTION;
        }
        return label == Label.POSITIVE ? Intent.PRAISE : Intent.OTHER;
    }

    // ---- tokens ---------------------------------------------------------------------------

    private void tokenize(String text, Workspace w) {
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
                int after = emoticon(text, i, w);
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
                        int cp = text.codePointAt(i);
                        int k = Arrays.binarySearch(EMOJI_CODES, cp);
                        if (k >= 0) {
                            int t = w.addToken(-1, 0, Workspace.T_EMOJI, i, i + Character.charCount(cp));
                            w.emoji[t] = EMOJI_VALENCES[k];
                        } else if (Character.isLetter(cp)) {
                            countLetter(w, cp);
                        }
                        i += Character.charCount(cp);
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

    private static void countLetter(Workspace w, int cp) {
        if (cp < 0x250) {
            w.latinLetters++;
        } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
            w.latinLetters++;
        } else {
            w.otherLetters++;
            if (w.otherScript == 0) {
                w.otherScript = cp;
            }
        }
    }

    /** An emoticon from the lexicon (":)", "<3") as a whole whitespace-delimited chunk; returns its end or -1. */
    private int emoticon(String text, int i, Workspace w) {
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
            if (id >= 0 && (flags[id] & F_EMOTICON) != 0 && !Double.isNaN(valence[id])) {
                w.addToken(id, 0, Workspace.T_EMOTICON, i, end);
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
                    countLetter(w, c);
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

    private static boolean isLetter(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
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
            if ((f & F_NEGATOR) != 0) {
                classes |= PhrasePattern.CLASS_NEG;
            }
            if ((f & F_NUM) != 0) {
                classes |= PhrasePattern.CLASS_NUM;
            }
            if ((f & F_TIME) != 0) {
                classes |= PhrasePattern.CLASS_TIME;
            }
            int langs = languages[id];
            while (langs != 0) {
                w.languageHits[Integer.numberOfTrailingZeros(langs)]++;
                langs &= langs - 1;
            }
            if (letters > 1 && languages[id] == 0) {
                w.englishWords++;
            }
        }
        w.addToken(id, classes, bits, from, to);
    }

    // ---- language ------------------------------------------------------------------------

    /** A cheap guess from stop words (and script, for text not in Latin letters). */
    private static String language(Workspace w) {
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

    // ---- phrases -------------------------------------------------------------------------

    /**
     * Finds idiom, complaint and aspect phrases in one sentence; accepts the leftmost-longest
     * idiom/complaint matches that do not overlap, writes their entries, and returns the aspect
     * bits found. Counts accepted complaint matches in {@code w.complaints}.
     */
    private long matchPhrases(Workspace w, int from, int to) {
        long aspects = 0;
        int coveredUntil = from;
        PhraseBook book = phrases;
        for (int i = from; i < to; i++) {
            int id = w.id[i];
            int bestPattern = -1;
            int bestEnd = -1;
            int[] candidates = id >= 0 ? book.byFirstId[id] : null;
            if (candidates != null) {
                for (int p : candidates) {
                    int end = book.patterns[p].matchAt(w.id, w.classes, i, to);
                    if (end > i) {
                        if (book.kind[p] == PhraseBook.ASPECT) {
                            aspects |= book.aspects[p];
                        } else if (end > bestEnd) {
                            bestEnd = end;
                            bestPattern = p;
                        }
                    }
                }
            }
            int classes = w.classes[i];
            while (classes != 0) {
                int bit = Integer.numberOfTrailingZeros(classes);
                classes &= classes - 1;
                for (int p : book.byFirstClass[bit]) {
                    int end = book.patterns[p].matchAt(w.id, w.classes, i, to);
                    if (end > bestEnd) {
                        bestEnd = end;
                        bestPattern = p;
                    }
                }
            }
            if (bestPattern < 0 || i < coveredUntil) {
                continue;
            }
            byte kind = book.kind[bestPattern];
            boolean complaint = kind == PhraseBook.COMPLAINT;
            boolean praise = kind == PhraseBook.PRAISE;
            if ((complaint || praise) && guarded(w, from, i)) {
                continue;
            }
            for (int k = i; k < bestEnd; k++) {
                w.covered[k] = true;
            }
            coveredUntil = bestEnd;
            int last = bestEnd - 1;
            w.value[last] = book.valence[bestPattern];
            w.rule[last] = complaint ? R_COMPLAINT : praise ? R_PRAISE : R_IDIOM;
            w.spanStart[last] = i;
            if (complaint) {
                w.complaints++;
            }
            aspects |= book.aspects[bestPattern];
        }
        return aspects;
    }

    /** A complaint right after a negation ("no hidden fees") or inside a condition ("if it breaks") does not count. */
    private boolean guarded(Workspace w, int from, int at) {
        for (int k = at - 1; k >= from && k >= at - 2; k--) {
            if ((w.classes[k] & PhrasePattern.CLASS_NEG) != 0 || w.id[k] == idNo) {
                return true;
            }
        }
        for (int k = at - 1; k >= from && k >= at - 5; k--) {
            if (w.id[k] >= 0 && (flags[w.id[k]] & F_CONDITIONAL) != 0) {
                return true;
            }
        }
        return false;
    }

    // ---- VADER's valence rules ------------------------------------------------------------

    /** Boosters, "kind of", and adverbs like "pretty" in front of a feeling are modifiers, not feelings. */
    private void markModifiers(Workspace w, int from, int to) {
        for (int i = from; i < to; i++) {
            int id = w.id[i];
            if (id < 0) {
                continue;
            }
            int f = flags[id];
            if ((f & F_BOOSTER) != 0) {
                w.modifier[i] = true;
            } else if ((id == idKind || id == idSort) && i + 1 < to && w.id[i + 1] == idOf) {
                w.modifier[i] = true;
            } else if ((f & F_ADVERB_BOOSTER) != 0 && i + 1 < to && w.id[i + 1] >= 0
                    && !Double.isNaN(valence[w.id[i + 1]])) {
                w.modifier[i] = true;
            }
        }
    }

    private boolean isLexical(Workspace w, int j) {
        int id = w.id[j];
        return id >= 0 && !Double.isNaN(valence[id]) && !w.modifier[j];
    }

    private boolean negated(Workspace w, int j) {
        return (w.bits[j] & Workspace.T_NT) != 0 || (w.id[j] >= 0 && (flags[w.id[j]] & F_NEGATOR) != 0);
    }

    /** VADER's sentiment_valence for token i of the sentence starting at {@code from}. */
    private void valence(Workspace w, int i, int from, int to, boolean capDiff) {
        if ((w.bits[i] & Workspace.T_EMOJI) != 0) {
            w.value[i] = w.emoji[i];
            w.rule[i] = R_EMOJI;
            return;
        }
        int id = w.id[i];
        if (id < 0 || Double.isNaN(valence[id])) {
            return;
        }
        if ((w.bits[i] & Workspace.T_EMOTICON) != 0) {
            w.value[i] = valence[id];
            w.rule[i] = R_EMOJI;
            return;
        }
        double v = valence[id];
        byte rule = R_LEXICON;
        int span = i;
        // "no" before another feeling word negates it rather than feeling negative itself
        if (id == idNo && i + 1 < to && isLexical(w, i + 1)) {
            v = 0;
        }
        if ((i > from && w.id[i - 1] == idNo)
                || (i > from + 1 && w.id[i - 2] == idNo)
                || (i > from + 2 && w.id[i - 3] == idNo && (w.id[i - 1] == idOr || w.id[i - 1] == idNor))) {
            v = valence[id] * Rules.N_SCALAR;
            rule = R_NEGATION;
            for (int k = i - 1; k >= from && k >= i - 3; k--) {
                if (w.id[k] == idNo) {
                    span = k;
                    break;
                }
            }
        }
        if ((w.bits[i] & Workspace.T_CAPS) != 0 && capDiff && v != 0) {
            v += v > 0 ? Rules.C_INCR : -Rules.C_INCR;
            if (rule == R_LEXICON) {
                rule = R_CAPS;
            }
        }
        for (int k = 0; k < 3; k++) {
            int j = i - (k + 1);
            if (j < from || w.covered[j]) {
                break;
            }
            if (isLexical(w, j)) {
                continue;
            }
            double s = scalar(w, j, from, v, capDiff);
            if (s != 0) {
                if (k == 1) {
                    s *= 0.95;
                } else if (k == 2) {
                    s *= 0.9;
                }
                v += s;
                span = Math.min(span, w.id[j] == idOf ? j - 1 : j);
                if (rule != R_NEGATION) {
                    rule = (s > 0) == (v > 0) ? R_BOOSTER : R_DAMPENER;
                }
            }
            double before = v;
            v = negationCheck(w, v, k, i, from);
            if (v != before) {
                span = Math.min(span, j);
                if (v != before * Rules.NEVER_SO) {
                    rule = R_NEGATION;
                } else if (rule == R_LEXICON || rule == R_CAPS) {
                    rule = R_BOOSTER;
                }
            }
        }
        // "least"
        if (i > from && !isLexical(w, i - 1) && w.id[i - 1] == idLeast) {
            if (!(i > from + 1 && (w.id[i - 2] == idAt || w.id[i - 2] == idVery))) {
                v *= Rules.N_SCALAR;
                rule = R_NEGATION;
                span = Math.min(span, i - 1);
            }
        }
        w.value[i] = v;
        w.rule[i] = rule;
        w.spanStart[i] = span;
    }

    private double scalar(Workspace w, int j, int from, double v, boolean capDiff) {
        int id = w.id[j];
        if (id < 0) {
            return 0;
        }
        double s;
        if ((flags[id] & F_BOOSTER) != 0) {
            s = boost[id];
        } else if (w.modifier[j] && (flags[id] & F_ADVERB_BOOSTER) != 0) {
            s = Rules.B_INCR;
        } else if (id == idOf && j > from && (w.id[j - 1] == idKind || w.id[j - 1] == idSort)) {
            s = Rules.B_DECR;
        } else {
            return 0;
        }
        if (v < 0) {
            s = -s;
        }
        if ((w.bits[j] & Workspace.T_CAPS) != 0 && capDiff) {
            s += v > 0 ? Rules.C_INCR : -Rules.C_INCR;
        }
        return s;
    }

    /** VADER's _negation_check, with "never so/this" read as intended (an intensifier). */
    private double negationCheck(Workspace w, double v, int k, int i, int from) {
        int[] id = w.id;
        if (k == 0) {
            return negated(w, i - 1) ? v * Rules.N_SCALAR : v;
        }
        if (k == 1) {
            if (id[i - 2] == idNever && (id[i - 1] == idSo || id[i - 1] == idThis)) {
                return v * Rules.NEVER_SO;
            }
            if (id[i - 2] == idWithout && id[i - 1] == idDoubt) {
                return v;
            }
            return negated(w, i - 2) ? v * Rules.N_SCALAR : v;
        }
        if (id[i - 3] == idNever && (id[i - 2] == idSo || id[i - 2] == idThis || id[i - 1] == idSo || id[i - 1] == idThis)) {
            return v * Rules.NEVER_SO;
        }
        if (id[i - 3] == idWithout && (id[i - 2] == idDoubt || id[i - 1] == idDoubt)) {
            return v;
        }
        return negated(w, i - 3) ? v * Rules.N_SCALAR : v;
    }

    // ---- beyond single words ----------------------------------------------------------------

    /**
     * "Great, another late delivery." / "Love how they charged me twice." / "Thanks for losing my
     * parcel." A sarcasm-prone positive word heading a clause, or "love how/that", "thanks for" in
     * a sentence that complains, is turned against itself.
     */
    private void sarcasm(Workspace w, int complaints) {
        double negative = 0;
        for (int i = 0; i < w.tokens; i++) {
            if (w.value[i] < 0) {
                negative += w.value[i];
            }
        }
        if (complaints == 0 && negative > -1.5) {
            return;
        }
        for (int s = 0; s < w.sentences; s++) {
            int from = w.sentStart[s];
            int to = w.sentEnd[s];
            // "Great job guys, you've sent the wrong item again.": praise up front, a complaint after the comma
            int clause = -1;
            boolean contrast = false;
            for (int i = from; i < to; i++) {
                if (clause < 0 && (w.bits[i] & Workspace.T_CLAUSE_END) != 0 && i < to - 1) {
                    clause = i;
                }
                contrast |= w.id[i] >= 0 && (flags[w.id[i]] & (F_CONTRAST | F_CONCESSIVE)) != 0;
            }
            boolean complaintAfterClause = false;
            for (int i = clause + 1; clause >= 0 && i < to; i++) {
                complaintAfterClause |= w.rule[i] == R_COMPLAINT;
            }
            for (int i = from; i < to; i++) {
                int id = w.id[i];
                if (!contrast && complaintAfterClause && i <= clause && id >= 0 && w.value[i] > 0
                        && (flags[id] & F_SARCASM_PRONE) != 0) {
                    w.value[i] = -0.5 * w.value[i];
                    w.rule[i] = R_SARCASM;
                    continue;
                }
                if (id < 0 || w.value[i] <= 0 || (flags[id] & F_SARCASM_PRONE) == 0
                        || (w.rule[i] != R_LEXICON && w.rule[i] != R_CAPS && w.rule[i] != R_BOOSTER)) {
                    continue;
                }
                boolean heading = (i == from || (i == from + 1 && w.id[from] >= 0 && (flags[w.id[from]] & F_SARCASM_LEAD) != 0))
                        && (w.bits[i] & Workspace.T_CLAUSE_END) != 0;
                boolean loveHow = id == idLove && i + 1 < to && w.id[i + 1] >= 0
                        && (flags[w.id[i + 1]] & F_LOVE_FOLLOWER) != 0 && negativeAfter(w, i + 1, to);
                boolean thanksFor = (id == idThanks && i + 1 < to && w.id[i + 1] == idFor
                        || id == idThank && i + 2 < to && w.id[i + 1] == idYou && w.id[i + 2] == idFor)
                        && negativeAfter(w, i + 1, to);
                if (heading || loveHow || thanksFor) {
                    w.value[i] = -0.5 * w.value[i];
                    w.rule[i] = R_SARCASM;
                }
            }
        }
    }

    private static boolean negativeAfter(Workspace w, int from, int to) {
        for (int k = from; k < to; k++) {
            if (w.value[k] < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * VADER's "but" rule, per sentence: what comes before "but"/"however" weighs half, what comes
     * after one and a half. A sentence opening with "But"/"However" does the same to the sentence
     * before it; "Although ..., ..." weighs the concession half and the main clause more.
     */
    private void contrast(Workspace w) {
        for (int s = 0; s < w.sentences; s++) {
            int from = w.sentStart[s];
            int to = w.sentEnd[s];
            int pivot = -1;
            for (int i = from; i < to; i++) {
                if (w.id[i] >= 0 && (flags[w.id[i]] & F_CONTRAST) != 0 && !w.covered[i]) {
                    pivot = i;
                    break;
                }
            }
            if (pivot == from && mode == Mode.EARSHOT && s > 0) {
                scale(w, w.sentStart[s - 1], w.sentEnd[s - 1], Rules.BEFORE_BUT);
                scale(w, from, to, Rules.AFTER_BUT);
                continue;
            }
            if (pivot >= 0) {
                scale(w, from, pivot, Rules.BEFORE_BUT);
                scale(w, pivot + 1, to, Rules.AFTER_BUT);
                continue;
            }
            if (mode == Mode.EARSHOT && w.id[from] >= 0 && (flags[w.id[from]] & F_CONCESSIVE) != 0
                    && (w.id[from] != idEven || (from + 1 < to && w.id[from + 1] == idThough))) {
                for (int i = from; i < to - 1; i++) {
                    if ((w.bits[i] & Workspace.T_CLAUSE_END) != 0) {
                        scale(w, from, i + 1, Rules.BEFORE_BUT);
                        scale(w, i + 1, to, Rules.AFTER_BUT);
                        break;
                    }
                }
            }
        }
    }

    private static void scale(Workspace w, int from, int to, double factor) {
        for (int i = from; i < to; i++) {
            if (w.value[i] != 0) {
                w.value[i] *= factor;
                if (w.rule[i] == R_LEXICON) {
                    w.rule[i] = R_BUT;
                }
            }
        }
    }

    /** VADER's emphasis from "!" (up to four) and "?" (two or more). */
    private static double punctuationEmphasis(Workspace w) {
        double amplifier = Math.min(w.exclamations, Rules.EXCLAMATION_MAX) * Rules.EXCLAMATION_EACH;
        if (w.questionMarks > 1) {
            amplifier += w.questionMarks <= 3 ? w.questionMarks * Rules.QUESTION_EACH : Rules.QUESTION_MAX;
        }
        return amplifier;
    }

    // ---- explanation ------------------------------------------------------------------------

    /**
     * The contributions, in the score's own units: entry valences scaled by {@code textScale}
     * (text weight / normalizer) so that all weights add up to the score; the same term and rule
     * twice are merged; strongest first.
     */
    private static List<Contribution> explain(String text, Workspace w, double textScale, double punctuation,
            double ratingWeight, Rating rating) {
        int n = 0;
        String[] terms = w.terms;
        byte[] rules = w.termRules;
        double[] weights = w.termWeights;
        for (int i = 0; i < w.tokens; i++) {
            if (w.value[i] == 0) {
                continue;
            }
            String term = text.substring(w.start[w.spanStart[i]], w.end[i]);
            byte rule = w.rule[i];
            double weight = w.value[i] * textScale;
            int same = -1;
            for (int k = 0; k < n; k++) {
                if (rules[k] == rule && terms[k].equalsIgnoreCase(term)) {
                    same = k;
                    break;
                }
            }
            if (same >= 0) {
                weights[same] += weight;
            } else {
                terms[n] = term;
                rules[n] = rule;
                weights[n] = weight;
                n++;
            }
        }
        int extra = (punctuation != 0 ? 1 : 0) + (ratingWeight != 0 ? 1 : 0);
        Contribution[] out = new Contribution[n + extra];
        int m = 0;
        for (int k = 0; k < n; k++) {
            out[m++] = new Contribution(terms[k], RULE_NAMES[rules[k]], round(weights[k]));
        }
        if (punctuation != 0) {
            String marks = "!".repeat(Math.min(w.exclamations, Rules.EXCLAMATION_MAX))
                    + (w.questionMarks > 1 ? "?".repeat(Math.min(w.questionMarks, 4)) : "");
            out[m++] = new Contribution(marks, "punctuation", round(punctuation * textScale));
        }
        if (ratingWeight != 0) {
            out[m++] = new Contribution(ratingTerm(rating), "rating", round(ratingWeight));
        }
        Arrays.sort(out, STRONGEST_FIRST);
        Arrays.fill(terms, 0, n, null);
        return List.of(out);
    }

    private static final java.util.Comparator<Contribution> STRONGEST_FIRST =
            (a, b) -> Double.compare(Math.abs(b.weight()), Math.abs(a.weight()));

    /** How many words, phrases and rules this scorer holds (for logs and health checks). */
    @Override
    public String toString() {
        return "SentimentScorer[" + mode + ", words=" + vocabulary.size() + ", phrases=" + phrases.size()
                + ", aspects=" + List.of(aspectIds) + "]";
    }
}
