package dev.earshot.sentiment.scoring;

/**
 * Earshot's sarcasm rule: in a text that complains, a sarcasm-prone positive word ("great",
 * "perfect", "love", "thanks") heading a clause, in "love how/that …" or "thanks for …" before
 * negative words, or praising ahead of a complaint clause, counts -0.5 times its value.
 */
final class SarcasmRule {

    private final int[] flags;
    private final int idLove;
    private final int idThanks;
    private final int idThank;
    private final int idFor;
    private final int idYou;

    SarcasmRule(CompiledRules rules) {
        this.flags = rules.flags;
        this.idLove = rules.idLove;
        this.idThanks = rules.idThanks;
        this.idThank = rules.idThank;
        this.idFor = rules.idFor;
        this.idYou = rules.idYou;
    }

    /**
     * "Great, another late delivery." / "Love how they charged me twice." / "Thanks for losing my
     * parcel." A sarcasm-prone positive word heading a clause, or "love how/that", "thanks for" in
     * a sentence that complains, is turned against itself.
     */
    void apply(Workspace w, int complaints) {
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
                contrast |= w.id[i] >= 0 && (flags[w.id[i]] & (CompiledRules.F_CONTRAST | CompiledRules.F_CONCESSIVE)) != 0;
            }
            boolean complaintAfterClause = false;
            for (int i = clause + 1; clause >= 0 && i < to; i++) {
                complaintAfterClause |= w.rule[i] == Rule.COMPLAINT;
            }
            for (int i = from; i < to; i++) {
                int id = w.id[i];
                if (!contrast && complaintAfterClause && i <= clause && id >= 0 && w.value[i] > 0
                        && (flags[id] & CompiledRules.F_SARCASM_PRONE) != 0) {
                    w.value[i] = -0.5 * w.value[i];
                    w.rule[i] = Rule.SARCASM;
                    continue;
                }
                if (id < 0 || w.value[i] <= 0 || (flags[id] & CompiledRules.F_SARCASM_PRONE) == 0
                        || (w.rule[i] != Rule.LEXICON && w.rule[i] != Rule.CAPS && w.rule[i] != Rule.BOOSTER)) {
                    continue;
                }
                boolean heading = (i == from || (i == from + 1 && w.id[from] >= 0
                        && (flags[w.id[from]] & CompiledRules.F_SARCASM_LEAD) != 0))
                        && (w.bits[i] & Workspace.T_CLAUSE_END) != 0;
                boolean loveHow = id == idLove && i + 1 < to && w.id[i + 1] >= 0
                        && (flags[w.id[i + 1]] & CompiledRules.F_LOVE_FOLLOWER) != 0 && negativeAfter(w, i + 1, to);
                boolean thanksFor = (id == idThanks && i + 1 < to && w.id[i + 1] == idFor
                        || id == idThank && i + 2 < to && w.id[i + 1] == idYou && w.id[i + 2] == idFor)
                        && negativeAfter(w, i + 1, to);
                if (heading || loveHow || thanksFor) {
                    w.value[i] = -0.5 * w.value[i];
                    w.rule[i] = Rule.SARCASM;
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
}
