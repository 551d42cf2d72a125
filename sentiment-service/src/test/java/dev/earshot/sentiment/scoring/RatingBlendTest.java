package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Contribution;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import org.junit.jupiter.api.Test;

/** Star ratings: blended with the text by a documented rule, and flagged when they contradict it. */
class RatingBlendTest {

    static final SentimentScorer SCORER = SentimentScorer.withDefaults();

    @Test
    void ratingMapsOntoMinusOneToOne() {
        assertEquals(-1, SentimentScorer.ratingScore(new Rating(1, 5)), 1e-9);
        assertEquals(-0.5, SentimentScorer.ratingScore(new Rating(2, 5)), 1e-9);
        assertEquals(0, SentimentScorer.ratingScore(new Rating(3, 5)), 1e-9);
        assertEquals(0.5, SentimentScorer.ratingScore(new Rating(4, 5)), 1e-9);
        assertEquals(1, SentimentScorer.ratingScore(new Rating(10, 10)), 1e-9);
        assertEquals(-1, SentimentScorer.ratingScore(new Rating(0, 10)), 1e-9, "below the scale counts as its worst");
        assertEquals(0.5, SentimentScorer.ratingScore(new Rating(0.75, 1)), 1e-9, "a 0..1 fraction");
    }

    @Test
    void aRatingAloneGivesTheScore() {
        Sentiment s = SCORER.score("", new Rating(1, 5));
        assertEquals(-1, s.score(), 1e-9);
        assertEquals(Label.NEGATIVE, s.label());
        assertTrue(s.complaint(), "a one-star rating is a complaint");
        assertEquals(new Contribution("1/5", "rating", -1.0), s.explanation().get(0));
        assertEquals(Label.NEUTRAL, SCORER.score("Ordered on Monday.", new Rating(3, 5)).label());
    }

    @Test
    void agreeingTextAndRatingBlendSeventyThirty() {
        double text = SCORER.score("The food was good.", null).score();
        Sentiment s = SCORER.score("The food was good.", new Rating(4, 5));
        assertEquals(0.7 * text + 0.3 * 0.5, s.score(), 1e-9);
        assertFalse(s.ratingConflict());
        assertEquals(s.score(), s.explanation().stream().mapToDouble(Contribution::weight).sum(), 1e-3);
        assertTrue(s.explanation().stream().anyMatch(c -> c.rule().equals("rating") && c.term().equals("4/5")));
    }

    @Test
    void aMildTextIsPulledByAStrongRating() {
        Sentiment s = SCORER.score("It was okay I guess.", new Rating(1, 5));
        assertEquals(Label.NEGATIVE, s.label());
        assertFalse(s.ratingConflict(), "a mild text does not contradict anything");
    }

    @Test
    void textContradictingItsRatingIsFlaggedAndTheWordsWin() {
        Sentiment praiseWithOneStar = SCORER.score("Love it, works perfectly, best purchase this year!", new Rating(1, 5));
        assertTrue(praiseWithOneStar.ratingConflict());
        assertEquals(Label.POSITIVE, praiseWithOneStar.label());
        assertTrue(praiseWithOneStar.explanation().stream().noneMatch(c -> c.rule().equals("rating")));

        Sentiment complaintWithFiveStars = SCORER.score("Arrived two weeks late and the box was crushed. Never again.", new Rating(5, 5));
        assertTrue(complaintWithFiveStars.ratingConflict());
        assertEquals(Label.NEGATIVE, complaintWithFiveStars.label());
        assertTrue(complaintWithFiveStars.complaint());
    }

    @Test
    void unusableRatingsAreIgnored() {
        Sentiment none = SCORER.score("The food was good.", null);
        assertEquals(none, SCORER.score("The food was good.", new Rating(3, 0)));
        assertEquals(none, SCORER.score("The food was good.", new Rating(Double.NaN, 5)));
    }

    @Test
    void ratingsOnOtherScalesCompare() {
        assertEquals(SCORER.score("", new Rating(3, 5)).score(), SCORER.score("", new Rating(5.5, 10)).score(), 1e-9);
        assertEquals("4.5/5", SCORER.score("", new Rating(4.5, 5)).explanation().get(0).term());
    }
}
