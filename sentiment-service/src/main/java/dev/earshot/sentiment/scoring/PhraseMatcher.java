package dev.earshot.sentiment.scoring;

/**
 * Matches the phrase book in one sentence: idioms, complaint and praise patterns (the complaint
 * layer) and multi-word aspect keywords, leftmost-longest and without overlaps, with the guards that
 * keep "no hidden fees" and "if it breaks" from counting as complaints.
 */
final class PhraseMatcher {

    private final PhraseBook book;
    private final int[] flags;
    private final int idNo;

    PhraseMatcher(CompiledRules rules) {
        this.book = rules.phrases;
        this.flags = rules.flags;
        this.idNo = rules.idNo;
    }

    /**
     * Finds idiom, complaint and aspect phrases in one sentence; accepts the leftmost-longest
     * idiom/complaint matches that do not overlap, writes their entries, and returns the aspect
     * bits found. Counts accepted complaint matches in {@code w.complaints}.
     */
    long match(Workspace w, int from, int to) {
        long aspects = 0;
        int coveredUntil = from;
        PhraseBook book = this.book;
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
            w.rule[last] = complaint ? Rule.COMPLAINT : praise ? Rule.PRAISE : Rule.IDIOM;
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
            if (w.id[k] >= 0 && (flags[w.id[k]] & CompiledRules.F_CONDITIONAL) != 0) {
                return true;
            }
        }
        return false;
    }
}
