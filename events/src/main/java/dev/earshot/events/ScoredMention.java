package dev.earshot.events;

import java.time.Instant;
import java.util.List;

/**
 * A mention with its sentiment. Value of topic {@link Topics#MENTIONS_SCORED}, keyed by
 * {@code mention.brand.id}.
 *
 * @param score        compound score in [-1, 1]; negative = unhappy
 * @param complaint    true when the text complains, whatever its wording
 * @param aspects      what the mention is about (e.g. {@code delivery}, {@code staff}); may be empty
 * @param explanation  the terms and rules that moved the score, strongest first
 * @param language     ISO 639-1 code of the text's language ({@code en}), {@code und} when unsure;
 *                     text not in English is labelled {@code unknown}, not scored as if English
 * @param ratingConflict true when the text's feeling contradicts the star rating the source gave
 * @param confidence   optional: how sure the scorer is of {@code label}, in [0, 1] (the calibrated probability of
 *                     that label); 0 for {@code unknown}; null when the scorer has no calibrated probability
 * @param probabilities optional: the calibrated probabilities behind {@code label} and {@code complaint}
 */
public record ScoredMention(
        int schemaVersion,
        Mention mention,
        double score,
        Label label,
        boolean complaint,
        Intent intent,
        List<String> aspects,
        List<Contribution> explanation,
        String language,
        boolean ratingConflict,
        Instant scoredAt,
        Double confidence,
        Probabilities probabilities) {

    public static final int SCHEMA_VERSION = 1;

    /** A score without calibrated probabilities (the rules alone, and every writer before they existed). */
    public ScoredMention(int schemaVersion, Mention mention, double score, Label label, boolean complaint,
            Intent intent, List<String> aspects, List<Contribution> explanation, String language,
            boolean ratingConflict, Instant scoredAt) {
        this(schemaVersion, mention, score, label, complaint, intent, aspects, explanation, language, ratingConflict,
                scoredAt, null, null);
    }

    /**
     * Calibrated probabilities: {@code negative + neutral + positive = 1}; {@code complaint} is a separate yes/no
     * probability.
     */
    public record Probabilities(double negative, double neutral, double positive, double complaint) {
    }
}
