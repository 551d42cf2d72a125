package dev.earshot.sentiment.scoring;

import dev.earshot.events.Contribution;
import dev.earshot.events.Rating;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the explanation: one line per term as written and the rule that shaped it, weighted in
 * the score's own units so the lines add up to the score, strongest first.
 */
final class ExplanationBuilder {

    private static final Comparator<Contribution> STRONGEST_FIRST =
            (a, b) -> Double.compare(Math.abs(b.weight()), Math.abs(a.weight()));

    private ExplanationBuilder() {
    }

    /**
     * The contributions, in the score's own units: entry valences scaled by {@code textScale}
     * (text weight / normalizer) so that all weights add up to the score; the same term and rule
     * twice are merged; strongest first.
     */
    static List<Contribution> build(String text, Workspace w, double textScale, double punctuation,
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
            out[m++] = new Contribution(terms[k], Rule.name(rules[k]), round(weights[k]));
        }
        if (punctuation != 0) {
            String marks = "!".repeat(Math.min(w.exclamations, Rules.EXCLAMATION_MAX))
                    + (w.questionMarks > 1 ? "?".repeat(Math.min(w.questionMarks, 4)) : "");
            out[m++] = new Contribution(marks, "punctuation", round(punctuation * textScale));
        }
        if (ratingWeight != 0) {
            out[m++] = rating(rating, ratingWeight);
        }
        Arrays.sort(out, STRONGEST_FIRST);
        Arrays.fill(terms, 0, n, null);
        return List.of(out);
    }

    /** The rating's line, e.g. {@code (1/5, rating, -1.0)}. */
    static Contribution rating(Rating rating, double weight) {
        return new Contribution(RatingBlend.term(rating), "rating", round(weight));
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
