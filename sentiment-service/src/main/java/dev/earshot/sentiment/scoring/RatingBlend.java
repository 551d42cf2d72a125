package dev.earshot.sentiment.scoring;

import dev.earshot.events.Rating;

/**
 * Blends a star rating into the text's score: the rating on [-1, 1], the 70/30 blend, and the
 * rating conflict in which the words win.
 */
final class RatingBlend {

    // tuned on the dev half of the evaluation set only

    /** Share of the text in the score when it and the star rating agree (or neither is strong). */
    static final double TEXT_WEIGHT = 0.7;
    /** Text this sure of itself ... */
    static final double CONFLICT_TEXT = 0.4;
    /** ... against a rating this far from the middle, the other way, is a rating conflict. */
    static final double CONFLICT_RATING = 0.5;

    private RatingBlend() {
    }

    /**
     * The rating on [-1, 1], or NaN when there is none usable. Scales start at 1 as in schema.org's
     * default {@code worstRating}: 1 of 5 stars = -1, 3 = 0, 5 = +1; 1 of 10 = -1, 10 = +1. A scale
     * whose best is 1 or less is read as a fraction from 0.
     */
    static double ratingScore(Rating rating) {
        if (rating == null || !(rating.best() > 0) || !Double.isFinite(rating.value()) || !Double.isFinite(rating.best())) {
            return Double.NaN;
        }
        double best = rating.best();
        double worst = best > 1 ? 1 : 0;
        double value = Math.max(worst, Math.min(best, rating.value()));
        return 2 * (value - worst) / (best - worst) - 1;
    }

    /** A strong text against a strong rating the other way: the words win. */
    static boolean conflict(double textScore, double ratingScore) {
        return (textScore <= -CONFLICT_TEXT && ratingScore >= CONFLICT_RATING)
                || (textScore >= CONFLICT_TEXT && ratingScore <= -CONFLICT_RATING);
    }

    /** The text's share of the blended score. */
    static double textWeight(boolean conflict) {
        return conflict ? 1 : TEXT_WEIGHT;
    }

    static double blend(double textScore, double ratingScore, double textWeight) {
        return CompoundScore.clamp(textWeight * textScore + (1 - textWeight) * ratingScore);
    }

    /** The rating as written in an explanation, e.g. {@code 4/5} or {@code 0.75/1}. */
    static String term(Rating rating) {
        return stars(rating.value()) + "/" + stars(rating.best());
    }

    private static String stars(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
