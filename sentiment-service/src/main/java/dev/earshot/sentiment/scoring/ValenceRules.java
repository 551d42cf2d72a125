package dev.earshot.sentiment.scoring;

/**
 * VADER's valence rules for each lexicon word outside a matched phrase: negation ("not", "n't",
 * "no", "least", "never so"), boosters and dampeners (with Earshot's adverbs like "pretty"), and
 * caps emphasis. Constants from vaderSentiment 3.3.2, in {@link Rules}.
 */
final class ValenceRules {

    private final EmojiReader emoji;
    private final double[] valence;
    private final int[] flags;
    private final double[] boost;
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

    ValenceRules(CompiledRules rules, EmojiReader emoji) {
        this.emoji = emoji;
        this.valence = rules.valence;
        this.flags = rules.flags;
        this.boost = rules.boost;
        this.idNo = rules.idNo;
        this.idNever = rules.idNever;
        this.idSo = rules.idSo;
        this.idThis = rules.idThis;
        this.idWithout = rules.idWithout;
        this.idDoubt = rules.idDoubt;
        this.idLeast = rules.idLeast;
        this.idAt = rules.idAt;
        this.idVery = rules.idVery;
        this.idOr = rules.idOr;
        this.idNor = rules.idNor;
        this.idKind = rules.idKind;
        this.idSort = rules.idSort;
        this.idOf = rules.idOf;
    }

    /** Boosters, "kind of", and adverbs like "pretty" in front of a feeling are modifiers, not feelings. */
    void markModifiers(Workspace w, int from, int to) {
        for (int i = from; i < to; i++) {
            int id = w.id[i];
            if (id < 0) {
                continue;
            }
            int f = flags[id];
            if ((f & CompiledRules.F_BOOSTER) != 0) {
                w.modifier[i] = true;
            } else if ((id == idKind || id == idSort) && i + 1 < to && w.id[i + 1] == idOf) {
                w.modifier[i] = true;
            } else if ((f & CompiledRules.F_ADVERB_BOOSTER) != 0 && i + 1 < to && w.id[i + 1] >= 0
                    && !Double.isNaN(valence[w.id[i + 1]])) {
                w.modifier[i] = true;
            }
        }
    }

    /** Values every token of the sentence that is neither inside a phrase nor a modifier. */
    void valueSentence(Workspace w, int from, int to, boolean capDiff) {
        for (int i = from; i < to; i++) {
            if (!w.covered[i] && !w.modifier[i]) {
                value(w, i, from, to, capDiff);
            }
        }
    }

    private boolean isLexical(Workspace w, int j) {
        int id = w.id[j];
        return id >= 0 && !Double.isNaN(valence[id]) && !w.modifier[j];
    }

    private boolean negated(Workspace w, int j) {
        return (w.bits[j] & Workspace.T_NT) != 0 || (w.id[j] >= 0 && (flags[w.id[j]] & CompiledRules.F_NEGATOR) != 0);
    }

    /** VADER's sentiment_valence for token i of the sentence starting at {@code from}. */
    private void value(Workspace w, int i, int from, int to, boolean capDiff) {
        if (emoji.value(w, i)) {
            return;
        }
        int id = w.id[i];
        if (id < 0 || Double.isNaN(valence[id])) {
            return;
        }
        double v = valence[id];
        byte rule = Rule.LEXICON;
        int span = i;
        // "no" before another feeling word negates it rather than feeling negative itself
        if (id == idNo && i + 1 < to && isLexical(w, i + 1)) {
            v = 0;
        }
        if ((i > from && w.id[i - 1] == idNo)
                || (i > from + 1 && w.id[i - 2] == idNo)
                || (i > from + 2 && w.id[i - 3] == idNo && (w.id[i - 1] == idOr || w.id[i - 1] == idNor))) {
            v = valence[id] * Rules.N_SCALAR;
            rule = Rule.NEGATION;
            for (int k = i - 1; k >= from && k >= i - 3; k--) {
                if (w.id[k] == idNo) {
                    span = k;
                    break;
                }
            }
        }
        if ((w.bits[i] & Workspace.T_CAPS) != 0 && capDiff && v != 0) {
            v += v > 0 ? Rules.C_INCR : -Rules.C_INCR;
            if (rule == Rule.LEXICON) {
                rule = Rule.CAPS;
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
                if (rule != Rule.NEGATION) {
                    rule = (s > 0) == (v > 0) ? Rule.BOOSTER : Rule.DAMPENER;
                }
            }
            double before = v;
            v = negationCheck(w, v, k, i, from);
            if (v != before) {
                span = Math.min(span, j);
                if (v != before * Rules.NEVER_SO) {
                    rule = Rule.NEGATION;
                } else if (rule == Rule.LEXICON || rule == Rule.CAPS) {
                    rule = Rule.BOOSTER;
                }
            }
        }
        // "least"
        if (i > from && !isLexical(w, i - 1) && w.id[i - 1] == idLeast) {
            if (!(i > from + 1 && (w.id[i - 2] == idAt || w.id[i - 2] == idVery))) {
                v *= Rules.N_SCALAR;
                rule = Rule.NEGATION;
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
        if ((flags[id] & CompiledRules.F_BOOSTER) != 0) {
            s = boost[id];
        } else if (w.modifier[j] && (flags[id] & CompiledRules.F_ADVERB_BOOSTER) != 0) {
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
}
