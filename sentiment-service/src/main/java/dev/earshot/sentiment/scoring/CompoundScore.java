package dev.earshot.sentiment.scoring;

/**
 * VADER's compound score: the sum of all valences, punctuation emphasis added in the sum's
 * direction, normalized by {@code sqrt(sum² + 15)} into (-1, 1).
 */
final class CompoundScore {

    private CompoundScore() {
    }

    /** Whether any token carries a valence: without one there is no text evidence at all. */
    static boolean hasEvidence(Workspace w) {
        for (int i = 0; i < w.tokens; i++) {
            if (w.value[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** The sum of every token's valence. */
    static double sum(Workspace w) {
        double sum = 0;
        for (int i = 0; i < w.tokens; i++) {
            if (w.value[i] != 0) {
                sum += w.value[i];
            }
        }
        return sum;
    }

    /**
     * VADER's emphasis from "!" (up to four) and "?" (two or more), signed in the direction of
     * {@code sum}; zero when the sum is.
     */
    static double punctuation(Workspace w, double sum) {
        double amplifier = Math.min(w.exclamations, Rules.EXCLAMATION_MAX) * Rules.EXCLAMATION_EACH;
        if (w.questionMarks > 1) {
            amplifier += w.questionMarks <= 3 ? w.questionMarks * Rules.QUESTION_EACH : Rules.QUESTION_MAX;
        }
        return sum > 0 ? amplifier : sum < 0 ? -amplifier : 0;
    }

    /** The normalizer: the compound score is {@code sum / normalizer(sum)}. */
    static double normalizer(double sum) {
        return Math.sqrt(sum * sum + Rules.ALPHA);
    }

    static double clamp(double x) {
        return Math.max(-1, Math.min(1, x));
    }
}
