package dev.earshot.sentiment.scoring;

import java.util.Arrays;

/**
 * Scratch buffers for scoring one text, reused by one thread so that scoring allocates only its
 * result. Sized for review-length text and grown on demand.
 */
final class Workspace {

    /** Texts longer than this get a throw-away workspace, so no thread keeps a huge buffer. */
    static final int KEEP_MAX_CHARS = 16_384;

    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(() -> new Workspace(512));

    static Workspace forText(int length) {
        if (length > KEEP_MAX_CHARS) {
            return new Workspace(length + 16);
        }
        Workspace w = LOCAL.get();
        w.ensureChars(length + 16);
        return w;
    }

    // per character
    char[] lower;

    // per token
    int tokens;
    int[] id;
    int[] classes;       // PhrasePattern.CLASS_* bits
    int[] bits;          // Workspace.T_* bits
    int[] start;         // in the text
    int[] end;
    int[] hash;          // the token's own hash (word as lower-cased), for the learned features
    double[] emoji;      // valence of an emoji token

    // per token, the sentiment entry that ends there
    double[] value;
    byte[] rule;
    int[] spanStart;     // token where the explained term starts
    boolean[] covered;   // inside a matched phrase
    boolean[] modifier;  // acts as a booster, not as a feeling

    // sentences
    int sentences;
    int[] sentStart;
    int[] sentEnd;
    boolean[] sentQuestion;

    // explanation scratch, and aspects in order of appearance
    String[] terms = new String[64];
    byte[] termRules = new byte[64];
    double[] termWeights = new double[64];
    final int[] aspectOrder = new int[AspectTaxonomy.MAX_ASPECTS];
    int aspectCount;
    long aspectSeen;     // bit per aspect already in aspectOrder

    // text-wide counters
    int exclamations;
    int questionMarks;
    int capsWords;
    int plainWords;
    int latinLetters;
    int otherLetters;
    int otherScript;     // code point of the first non-Latin letter
    final int[] languageHits = new int[8];
    int englishWords;   // known words that are no other language's stop word
    int complaints;

    // what the rules made of the text (SentimentScorer.analyse), read by both verdicts
    String language;
    boolean scorable;
    boolean evidence;
    java.util.List<String> aspectList;
    int complaintMatches;  // complaint rules matched, before sarcasm
    int failureEvents;     // PostCues: words telling of something gone wrong
    int praiseWords;       // PostCues: praise words as the lexicon has them (before sarcasm turned any)
    boolean requestLead;   // PostCues: a sentence opens by asking the brand to act
    double punctuation;
    double norm;
    double textScore;

    // learned features (LearnedFeatures): hashed bucket, first and last token, negated
    int features;
    int[] fBucket = new int[128];
    int[] fFrom = new int[128];
    int[] fTo = new int[128];
    boolean[] fNegated = new boolean[128];
    double[] fWeight = new double[128];
    final double[] dense = new double[LearnedFeatures.DENSE];
    final double[] logits = new double[LinearModel.OUTPUTS];

    void ensureFeatures(int n) {
        if (fBucket.length < n) {
            int m = Math.max(n, fBucket.length * 2);
            fBucket = Arrays.copyOf(fBucket, m);
            fFrom = Arrays.copyOf(fFrom, m);
            fTo = Arrays.copyOf(fTo, m);
            fNegated = Arrays.copyOf(fNegated, m);
            fWeight = Arrays.copyOf(fWeight, m);
        }
    }

    static final int T_CAPS = 1;
    static final int T_CLAUSE_END = 2;  // , . ! ? ; : directly after the token
    static final int T_EMOJI = 4;
    static final int T_EMOTICON = 8;
    static final int T_NT = 16;          // contains n't

    private Workspace(int chars) {
        lower = new char[chars];
        allocateTokens(64);
        sentStart = new int[16];
        sentEnd = new int[16];
        sentQuestion = new boolean[16];
    }

    private void allocateTokens(int n) {
        id = new int[n];
        classes = new int[n];
        bits = new int[n];
        start = new int[n];
        end = new int[n];
        hash = new int[n];
        emoji = new double[n];
        value = new double[n];
        rule = new byte[n];
        spanStart = new int[n];
        covered = new boolean[n];
        modifier = new boolean[n];
    }

    void reset() {
        tokens = 0;
        sentences = 0;
        exclamations = 0;
        questionMarks = 0;
        capsWords = 0;
        plainWords = 0;
        latinLetters = 0;
        otherLetters = 0;
        otherScript = 0;
        englishWords = 0;
        complaints = 0;
        aspectCount = 0;
        aspectSeen = 0;
        Arrays.fill(languageHits, 0);
        language = "und";
        scorable = false;
        evidence = false;
        aspectList = java.util.List.of();
        complaintMatches = 0;
        failureEvents = 0;
        praiseWords = 0;
        requestLead = false;
        punctuation = 0;
        norm = 1;
        textScore = 0;
        features = 0;
    }

    private void ensureChars(int n) {
        if (lower.length < n) {
            lower = new char[Math.max(n, lower.length * 2)];
        }
    }

    /** Appends a token and returns its index; its entry starts empty. */
    int addToken(int tokenId, int tokenClasses, int tokenBits, int from, int to) {
        if (tokens == id.length) {
            int n = tokens * 2;
            id = Arrays.copyOf(id, n);
            classes = Arrays.copyOf(classes, n);
            bits = Arrays.copyOf(bits, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            hash = Arrays.copyOf(hash, n);
            emoji = Arrays.copyOf(emoji, n);
            value = Arrays.copyOf(value, n);
            rule = Arrays.copyOf(rule, n);
            spanStart = Arrays.copyOf(spanStart, n);
            covered = Arrays.copyOf(covered, n);
            modifier = Arrays.copyOf(modifier, n);
        }
        if (tokens + 2 > terms.length) {
            terms = Arrays.copyOf(terms, terms.length * 2);
            termRules = Arrays.copyOf(termRules, termRules.length * 2);
            termWeights = Arrays.copyOf(termWeights, termWeights.length * 2);
        }
        int t = tokens++;
        id[t] = tokenId;
        classes[t] = tokenClasses;
        bits[t] = tokenBits;
        start[t] = from;
        end[t] = to;
        hash[t] = tokenId;
        emoji[t] = 0;
        value[t] = 0;
        rule[t] = 0;
        spanStart[t] = t;
        covered[t] = false;
        modifier[t] = false;
        return t;
    }

    void addSentence(int from, int to, boolean question) {
        if (sentences == sentStart.length) {
            int n = sentences * 2;
            sentStart = Arrays.copyOf(sentStart, n);
            sentEnd = Arrays.copyOf(sentEnd, n);
            sentQuestion = Arrays.copyOf(sentQuestion, n);
        }
        sentStart[sentences] = from;
        sentEnd[sentences] = to;
        sentQuestion[sentences] = question;
        sentences++;
    }
}
