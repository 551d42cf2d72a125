package dev.earshot.sentiment.scoring;

import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention.Probabilities;
import java.util.List;
import java.util.Objects;

/**
 * How a mention feels, and why.
 *
 * @param score          compound score in [-1, 1]; negative = unhappy. The weights of
 *                       {@code explanation} add up to it (up to rounding).
 * @param label          {@code UNKNOWN} when there was no evidence at all, or the text is not
 *                       English and no rating was given
 * @param complaint      the text (or rating) complains, whatever its wording
 * @param intent         what the writer is doing
 * @param aspects        what the mention is about, in order of first appearance
 * @param explanation    the terms and rules that moved the score, strongest first
 * @param language       ISO 639-1 code of the text, {@code und} when unsure
 * @param ratingConflict the text's feeling contradicts the star rating the source gave
 * @param confidence     how sure the scorer is of {@code label}, in [0, 1]: the calibrated probability of
 *                       that label (learned scorer); 0 for {@code UNKNOWN}; null from the rules alone,
 *                       which have no calibrated probability
 * @param probabilities  the learned scorer's calibrated probabilities, null when it did not score
 *                       (rules alone, no evidence, not English)
 */
public record Sentiment(double score, Label label, boolean complaint, Intent intent, List<String> aspects,
        List<Contribution> explanation, String language, boolean ratingConflict, Double confidence,
        Probabilities probabilities) {

    /** A verdict without calibrated probabilities: confidence 0 when unknown, else none. */
    public Sentiment(double score, Label label, boolean complaint, Intent intent, List<String> aspects,
            List<Contribution> explanation, String language, boolean ratingConflict) {
        this(score, label, complaint, intent, aspects, explanation, language, ratingConflict,
                label == Label.UNKNOWN ? Double.valueOf(0) : null, null);
    }

    public Sentiment {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(language, "language");
        aspects = List.copyOf(aspects);
        explanation = List.copyOf(explanation);
    }
}
