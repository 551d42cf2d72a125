package dev.earshot.sentiment.scoring;

/**
 * VADER's but-clause rule, per sentence, and Earshot's extensions: a sentence opening with
 * "But"/"However" halves the one before it, and "Although/Though/While/Even though …, …" weighs
 * the concession half and the main clause one and a half.
 */
final class ContrastRule {

    private final boolean earshot;
    private final int[] flags;
    private final int idEven;
    private final int idThough;

    ContrastRule(CompiledRules rules) {
        this.earshot = rules.earshot();
        this.flags = rules.flags;
        this.idEven = rules.idEven;
        this.idThough = rules.idThough;
    }

    /**
     * VADER's "but" rule, per sentence: what comes before "but"/"however" weighs half, what comes
     * after one and a half. A sentence opening with "But"/"However" does the same to the sentence
     * before it; "Although ..., ..." weighs the concession half and the main clause more.
     */
    void apply(Workspace w) {
        for (int s = 0; s < w.sentences; s++) {
            int from = w.sentStart[s];
            int to = w.sentEnd[s];
            int pivot = -1;
            for (int i = from; i < to; i++) {
                if (w.id[i] >= 0 && (flags[w.id[i]] & CompiledRules.F_CONTRAST) != 0 && !w.covered[i]) {
                    pivot = i;
                    break;
                }
            }
            if (pivot == from && earshot && s > 0) {
                scale(w, w.sentStart[s - 1], w.sentEnd[s - 1], Rules.BEFORE_BUT);
                scale(w, from, to, Rules.AFTER_BUT);
                continue;
            }
            if (pivot >= 0) {
                scale(w, from, pivot, Rules.BEFORE_BUT);
                scale(w, pivot + 1, to, Rules.AFTER_BUT);
                continue;
            }
            if (earshot && w.id[from] >= 0 && (flags[w.id[from]] & CompiledRules.F_CONCESSIVE) != 0
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
                if (w.rule[i] == Rule.LEXICON) {
                    w.rule[i] = Rule.BUT;
                }
            }
        }
    }
}
