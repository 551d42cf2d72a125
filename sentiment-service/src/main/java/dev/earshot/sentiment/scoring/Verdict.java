package dev.earshot.sentiment.scoring;

import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import java.util.List;

/**
 * Decides from the final score the label, the complaint flag and the intent, and the whole answer
 * when only a rating (or nothing) speaks.
 */
final class Verdict {

    // tuned on the dev half of the evaluation set only

    /** Scores at or above this are positive, at or below its negation negative. */
    static final double NEUTRAL_BAND = 0.10;
    /** A text matching a complaint rule is a complaint unless its score ends up above this. */
    static final double COMPLAINT_MAX_SCORE = 0.25;
    /** Any text scoring at or below this (i.e. labelled negative) is a complaint, complaint rule or not. */
    static final double NEGATIVE_IS_COMPLAINT = -NEUTRAL_BAND;

    private final boolean earshot;
    private final int[] flags;

    Verdict(CompiledRules rules) {
        this.earshot = rules.earshot();
        this.flags = rules.flags;
    }

    static Label label(double score) {
        if (score >= NEUTRAL_BAND) {
            return Label.POSITIVE;
        }
        if (score <= -NEUTRAL_BAND) {
            return Label.NEGATIVE;
        }
        return Label.NEUTRAL;
    }

    /** A complaint pattern matched and the score stayed low, or the text is negative at all. */
    boolean complaint(int complaintMatches, double score) {
        return earshot && ((complaintMatches > 0 && score < COMPLAINT_MAX_SCORE) || score <= NEGATIVE_IS_COMPLAINT);
    }

    Intent intent(Workspace w, Label label, double score, boolean complaint) {
        if (complaint) {
            return Intent.COMPLAINT;
        }
        boolean question = false;
        for (int s = 0; s < w.sentences && !question; s++) {
            question = w.sentQuestion[s];
        }
        if (!question && w.tokens > 0 && w.id[0] >= 0 && (flags[w.id[0]] & CompiledRules.F_WH) != 0
                && w.exclamations == 0 && w.sentences == 1) {
            question = true;
        }
        if (question && !(label == Label.POSITIVE && score >= 0.5)) {
            return Intent.QUESTION;
        }
        return label == Label.POSITIVE ? Intent.PRAISE : Intent.OTHER;
    }

    /** The rating's answer for an English text without evidence, with the text's own intent (a question stays one). */
    Sentiment ratingOnlyWithIntent(Workspace w, boolean hasRating, double ratingScore, Rating rating) {
        Sentiment fromRating = ratingOnly(w.language, hasRating, ratingScore, rating);
        Intent intent = intent(w, fromRating.label(), fromRating.score(), fromRating.complaint());
        return new Sentiment(fromRating.score(), fromRating.label(), fromRating.complaint(), intent, w.aspectList,
                fromRating.explanation(), w.language, false);
    }

    /** The answer from the rating alone; {@code UNKNOWN} with no explanation when there is none. */
    Sentiment ratingOnly(String language, boolean hasRating, double ratingScore, Rating rating) {
        if (!hasRating) {
            return new Sentiment(0, Label.UNKNOWN, false, Intent.OTHER, List.of(), List.of(), language, false);
        }
        Label label = label(ratingScore);
        boolean complaint = earshot && ratingScore <= NEGATIVE_IS_COMPLAINT;
        Intent intent = complaint ? Intent.COMPLAINT : label == Label.POSITIVE ? Intent.PRAISE : Intent.OTHER;
        List<Contribution> why = List.of(ExplanationBuilder.rating(rating, ratingScore));
        return new Sentiment(ratingScore, label, complaint, intent, List.of(), why, language, false);
    }
}
