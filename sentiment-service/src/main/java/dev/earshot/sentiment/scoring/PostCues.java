package dev.earshot.sentiment.scoring;

/**
 * What a post says beyond its feeling words, for the learned tier's dense features: how many words
 * tell of something gone wrong ({@link Rules#FAILURE_EVENTS}: "delayed", "still", "missing"), how
 * many praise words it has as the lexicon rates them (before {@link SarcasmRule} turns any), and
 * whether a sentence opens by asking the brand to act ({@link Rules#REQUEST_LEADS}, after any
 * @handles). Praise next to a failure is the sarcasm cue; a question with a failure is a complaint
 * asked as a question. Read before sarcasm, one pass over the tokens.
 */
final class PostCues {

    /** A lexicon valence at least this strong counts as praise ("good" 1.9, "great" 3.1). */
    static final double PRAISE = 1.5;

    private final int[] flags;
    private final double[] valence;

    PostCues(CompiledRules rules) {
        this.flags = rules.flags;
        this.valence = rules.valence;
    }

    void read(String text, Workspace w) {
        int failures = 0;
        int praise = 0;
        for (int i = 0; i < w.tokens; i++) {
            int id = w.id[i];
            if (id < 0) {
                continue;
            }
            int f = flags[id];
            if ((f & CompiledRules.F_FAILURE) != 0) {
                failures++;
            }
            double v = valence[id];
            if (v >= PRAISE || (f & CompiledRules.F_SARCASM_PRONE) != 0 && !(v < 0)) {
                praise++;
            }
        }
        boolean request = false;
        for (int s = 0; s < w.sentences && !request; s++) {
            for (int i = w.sentStart[s]; i < w.sentEnd[s]; i++) {
                if (handle(text, w, i)) {
                    continue;
                }
                request = w.id[i] >= 0 && (flags[w.id[i]] & CompiledRules.F_REQUEST) != 0;
                break;
            }
        }
        w.failureEvents = failures;
        w.praiseWords = praise;
        w.requestLead = request;
    }

    /** "@brand": the tokenizer reads the word after the sign. */
    private static boolean handle(String text, Workspace w, int i) {
        int at = w.start[i];
        return at > 0 && text.charAt(at - 1) == '@';
    }
}
