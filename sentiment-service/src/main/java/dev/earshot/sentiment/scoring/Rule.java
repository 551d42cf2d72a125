package dev.earshot.sentiment.scoring;

/**
 * The rule that shaped a valence: a byte in the workspace while scoring, a name in the explanation.
 */
final class Rule {

    static final byte LEXICON = 1;
    static final byte NEGATION = 2;
    static final byte BOOSTER = 3;
    static final byte DAMPENER = 4;
    static final byte BUT = 5;
    static final byte CAPS = 6;
    static final byte EMOJI = 7;
    static final byte IDIOM = 8;
    static final byte COMPLAINT = 9;
    static final byte SARCASM = 10;
    static final byte PRAISE = 11;

    private static final String[] NAMES = {
        "", "lexicon", "negation", "booster", "dampener", "but-clause", "caps", "emoji", "idiom",
        "complaint-phrase", "sarcasm", "praise-phrase"};

    private Rule() {
    }

    /** The name shown in explanations. */
    static String name(byte rule) {
        return NAMES[rule];
    }
}
