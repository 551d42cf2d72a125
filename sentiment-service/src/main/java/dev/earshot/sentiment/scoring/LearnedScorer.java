package dev.earshot.sentiment.scoring;

import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention.Probabilities;
import java.util.Arrays;
import java.util.List;

/**
 * Earshot's default scorer: the rules ({@link SentimentScorer}) read the text first, then a
 * logistic regression ({@link LinearModel}, trained by {@code scorer-training}) weighs hashed word
 * uni- and bigrams together with what the rules found, into calibrated probabilities of negative /
 * neutral / positive and, separately, of a complaint. See SCORING.md at the repository's top.
 *
 * <ul>
 *   <li>{@code score} = P(positive) − P(negative), blended with a star rating as the rules do;
 *   <li>{@code label} = the likeliest class, {@code confidence} its probability;
 *   <li>{@code complaint} = P(complaint) at or above the model's threshold (chosen on the dev split),
 *       or a negative label with a complaint pattern, P(complaint) ≥ 0.5 or a 1–2 star rating;
 *   <li>{@code unknown} when there is no evidence: no lexicon word and no word the model learned to
 *       weigh; text not in English is not scored either (see {@link LanguageGuard}).
 * </ul>
 * The explanation lists the words, word pairs and rules that moved the score most, each weighted
 * in log-odds of positive against negative (calibrated), strongest first.
 */
public final class LearnedScorer implements Scorer {

    /** At most this many explanation lines: the strongest reasons, not every word of a long review. */
    static final int MAX_EXPLANATION = 6;
    /** A word or pair moving the log-odds less than this is not worth a line. */
    static final double MIN_EXPLAINED = 0.1;

    /** A negative text whose complaint probability is at least this is a complaint. */
    static final double LEANS_COMPLAINT = 0.5;

    private static final java.util.Comparator<Contribution> STRONGEST_FIRST =
            (a, b) -> Double.compare(Math.abs(b.weight()), Math.abs(a.weight()));

    private final SentimentScorer rules;
    private final LinearModel model;
    private final Verdict verdict;

    public LearnedScorer(SentimentScorer rules, LinearModel model) {
        this.rules = rules;
        this.model = model;
        this.verdict = rules.verdict();
    }

    /** The bundled lexicon, aspects and weights. */
    public static LearnedScorer withDefaults() {
        return DefaultHolder.DEFAULT;
    }

    private static final class DefaultHolder {
        static final LearnedScorer DEFAULT = new LearnedScorer(SentimentScorer.withDefaults(), LinearModel.bundled());
    }

    @Override
    public Sentiment score(String text, Rating rating) {
        String t = text == null ? "" : text;
        Workspace w = Workspace.forText(t.length());
        rules.analyse(t, w);
        double ratingScore = RatingBlend.ratingScore(rating);
        boolean hasRating = !Double.isNaN(ratingScore);
        if (!w.scorable) {
            return verdict.ratingOnly(w.language, hasRating, ratingScore, rating);
        }
        LearnedFeatures.collect(w, model.mask);
        if (!w.evidence && !anyKnown(w)) {
            return verdict.ratingOnlyWithIntent(w, hasRating, ratingScore, rating);
        }
        model.logits(w);
        double[] z = w.logits;
        double ts = model.sentimentTemperature;
        double m = Math.max(z[0], Math.max(z[1], z[2]));
        double eNeg = Math.exp((z[0] - m) / ts);
        double eNeu = Math.exp((z[1] - m) / ts);
        double ePos = Math.exp((z[2] - m) / ts);
        double sum = eNeg + eNeu + ePos;
        double pNeg = eNeg / sum;
        double pNeu = eNeu / sum;
        double pPos = ePos / sum;
        double pComplaint = 1 / (1 + Math.exp(-z[3] / model.complaintTemperature));
        double textScore = pPos - pNeg;

        boolean conflict = hasRating && RatingBlend.conflict(textScore, ratingScore);
        double textWeight = hasRating ? RatingBlend.textWeight(conflict) : 1;
        if (hasRating && !conflict) {
            // the rating as a distribution: 1 star all negative, 3 all neutral, 5 all positive
            double r = ratingScore;
            pNeg = textWeight * pNeg + (1 - textWeight) * Math.max(0, -r);
            pPos = textWeight * pPos + (1 - textWeight) * Math.max(0, r);
            pNeu = 1 - pNeg - pPos;
        }
        Label label = pNeg >= pPos && pNeg >= pNeu ? Label.NEGATIVE : pPos >= pNeu ? Label.POSITIVE : Label.NEUTRAL;
        double confidence = label == Label.NEGATIVE ? pNeg : label == Label.POSITIVE ? pPos : pNeu;
        double score = CompoundScore.clamp(pPos - pNeg);
        // The complaint head decides; a negative text also counts when a complaint pattern matched or
        // the head leans that way (the threshold alone is set to spare praise, not to catch these).
        boolean complaint = pComplaint >= model.complaintThreshold
                || (label == Label.NEGATIVE && ((w.complaintMatches > 0 && pComplaint >= LEANS_COMPLAINT)
                        || (hasRating && !conflict && ratingScore <= Verdict.NEGATIVE_IS_COMPLAINT)));
        Intent intent = verdict.intent(w, label, score, complaint);
        List<Contribution> explanation = explain(t, w, hasRating && !conflict ? (1 - textWeight) * ratingScore : 0,
                rating);
        return new Sentiment(score, label, complaint, intent, w.aspectList, explanation, w.language, conflict,
                round(confidence), new Probabilities(round(pNeg), round(pNeu), round(pPos), round(pComplaint)));
    }

    /** Whether any single word of the text is one the model learned to weigh. */
    private boolean anyKnown(Workspace w) {
        for (int f = 0; f < w.features; f++) {
            if (w.fFrom[f] == w.fTo[f] && model.known(w.fBucket[f])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The strongest reasons, in calibrated log-odds of positive against negative: the rules' terms
     * (their valence times the learned weight of their rule and of the compound score), then the
     * hashed words and pairs (a repeated one summed), then punctuation, complaint patterns, a question
     * mark and the rating.
     */
    private List<Contribution> explain(String text, Workspace w, double ratingWeight, Rating rating) {
        double ts = model.sentimentTemperature;
        float[] dw = model.denseWeights;
        int n = 0;
        String[] terms = w.terms;
        byte[] termRules = w.termRules;
        double[] termWeights = w.termWeights;
        double compound = diff(dw, LearnedFeatures.D_COMPOUND);
        if (w.evidence) {
            for (int i = 0; i < w.tokens && n < terms.length - 4; i++) {
                if (w.value[i] == 0) {
                    continue;
                }
                byte rule = w.rule[i];
                double weight = (diff(dw, rule) + compound) * w.value[i] / w.norm / ts;
                String term = text.substring(w.start[w.spanStart[i]], w.end[i]);
                int same = -1;
                for (int k = 0; k < n; k++) {
                    if (termRules[k] == rule && terms[k].equalsIgnoreCase(term)) {
                        same = k;
                        break;
                    }
                }
                if (same >= 0) {
                    termWeights[same] += weight;
                } else {
                    terms[n] = term;
                    termRules[n] = rule;
                    termWeights[n] = weight;
                    n++;
                }
            }
        }
        Contribution[] out = new Contribution[MAX_EXPLANATION + n + 8];
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (Math.abs(termWeights[k]) >= MIN_EXPLAINED) {
                out[m++] = new Contribution(terms[k], Rule.name(termRules[k]), round(termWeights[k]));
            }
        }
        Arrays.fill(terms, 0, n, null);
        m = hashedLines(text, w, out, m);
        double[] d = w.dense;
        double marks = (d[LearnedFeatures.D_PUNCTUATION] * (diff(dw, LearnedFeatures.D_PUNCTUATION) + compound)
                + d[LearnedFeatures.D_EXCLAMATION] * diff(dw, LearnedFeatures.D_EXCLAMATION)) / ts;
        if (Math.abs(marks) >= MIN_EXPLAINED) {
            out[m++] = new Contribution("!".repeat(Math.min(w.exclamations, Rules.EXCLAMATION_MAX)), "punctuation",
                    round(marks));
        }
        double patterns = d[LearnedFeatures.D_COMPLAINT_RULES] * diff(dw, LearnedFeatures.D_COMPLAINT_RULES) / ts;
        if (Math.abs(patterns) >= MIN_EXPLAINED) {
            out[m++] = new Contribution("complaint pattern", "complaint-rule", round(patterns));
        }
        double question = d[LearnedFeatures.D_QUESTION] * diff(dw, LearnedFeatures.D_QUESTION) / ts;
        if (Math.abs(question) >= MIN_EXPLAINED) {
            out[m++] = new Contribution("?", "question", round(question));
        }
        m = cueLine(out, m, d, dw, LearnedFeatures.D_FAILURE, "failure event", "failure-event");
        m = cueLine(out, m, d, dw, LearnedFeatures.D_SARCASM_CUE, "praise beside a failure", "sarcasm-cue");
        m = cueLine(out, m, d, dw, LearnedFeatures.D_REQUEST, "request", "request");
        m = cueLine(out, m, d, dw, LearnedFeatures.D_QUESTION_FAILURE, "question about a failure", "question-failure");
        Arrays.sort(out, 0, m, STRONGEST_FIRST);
        if (ratingWeight == 0) {
            return List.of(Arrays.copyOf(out, Math.min(m, MAX_EXPLANATION)));
        }
        // a blended rating always says so, however strong the words were
        int keep = Math.min(m, MAX_EXPLANATION - 1);
        out[keep] = ExplanationBuilder.rating(rating, ratingWeight);
        Arrays.sort(out, 0, keep + 1, STRONGEST_FIRST);
        return List.of(Arrays.copyOf(out, keep + 1));
    }

    /** A {@link PostCues} feature's line, when it moved the score enough. */
    private int cueLine(Contribution[] out, int m, double[] d, float[] dw, int j, String term, String rule) {
        double weight = d[j] * diff(dw, j) / model.sentimentTemperature;
        if (Math.abs(weight) >= MIN_EXPLAINED) {
            out[m++] = new Contribution(term, rule, round(weight));
        }
        return m;
    }

    /** Adds up to {@link #MAX_EXPLANATION} hashed words and pairs, strongest first, each bucket once. */
    private int hashedLines(String text, Workspace w, Contribution[] out, int m) {
        double x = LearnedFeatures.featureValue(w.features) / model.sentimentTemperature;
        float[] wt = model.weights;
        for (int f = 0; f < w.features; f++) {
            int k = w.fBucket[f] << 2;
            w.fWeight[f] = x * (wt[k + LinearModel.POSITIVE] - wt[k + LinearModel.NEGATIVE]);
        }
        for (int line = 0; line < MAX_EXPLANATION; line++) {
            int best = -1;
            double bestAbs = MIN_EXPLAINED;
            for (int f = 0; f < w.features; f++) {
                double a = Math.abs(w.fWeight[f]);
                if (a >= bestAbs) {
                    bestAbs = a;
                    best = f;
                }
            }
            if (best < 0) {
                break;
            }
            double weight = 0;
            int bucket = w.fBucket[best];
            for (int f = 0; f < w.features; f++) {
                if (w.fBucket[f] == bucket && w.fWeight[f] != 0) {
                    weight += w.fWeight[f];
                    w.fWeight[f] = 0;
                }
            }
            String term = text.substring(w.start[w.fFrom[best]], w.end[w.fTo[best]]);
            out[m++] = new Contribution(term, w.fNegated[best] ? "learned-negated" : "learned", round(weight));
        }
        return m;
    }

    /** How far dense feature {@code j} pushes positive over negative, per unit. */
    private static double diff(float[] dw, int j) {
        return dw[j * LinearModel.OUTPUTS + LinearModel.POSITIVE] - dw[j * LinearModel.OUTPUTS + LinearModel.NEGATIVE];
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    /** The model's description (what it was trained on) for logs and health checks. */
    @Override
    public String toString() {
        return "LearnedScorer[" + rules + ", " + model + "]";
    }
}
