package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention.Probabilities;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default scorer: calibrated probabilities, a confidence, reasons with learned weights, unknown without evidence. */
class LearnedScorerTest {

    static final Scorer SCORER = LearnedScorer.withDefaults();

    @Test
    void probabilitiesAddUpAndConfidenceIsTheLabelsProbability() {
        for (String text : List.of("The staff were lovely and the room was spotless.", "Still waiting for my refund.",
                "What time does the last train leave?")) {
            Sentiment s = SCORER.score(text, null);
            Probabilities p = s.probabilities();
            assertNotNull(p, text);
            assertEquals(1, p.negative() + p.neutral() + p.positive(), 0.001, text);
            double expected = switch (s.label()) {
                case NEGATIVE -> p.negative();
                case NEUTRAL -> p.neutral();
                case POSITIVE -> p.positive();
                case UNKNOWN -> 0;
            };
            assertEquals(expected, s.confidence(), 0.001, text);
            assertEquals(p.positive() - p.negative(), s.score(), 0.001, text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I love waiting on hold for 45 minutes",            // the rules alone: positive
        "my train is delayed another hour",
        "never flying with you again, never",
        "Thanks for cancelling my booking without telling me. Great service.",
        "Why has nobody answered my email for two weeks?"})
    void complaintsWithoutOrAgainstTheirWordsAreNegative(String text) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(Label.NEGATIVE, s.label(), () -> text + " " + s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"still waiting for my refund", "Why has nobody answered my email for two weeks?",
        "the food was not good at all", "Terrible!!!"})
    void complaintsAreFlagged(String text) {
        Sentiment s = SCORER.score(text, null);
        assertTrue(s.complaint(), () -> text + " " + s);
        assertEquals(Intent.COMPLAINT, s.intent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"The staff were lovely and the room was spotless", "Arrived a day early and works perfectly, thank you!",
        "Delicious coffee and a friendly barista."})
    void praiseIsPositiveAndNoComplaint(String text) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(Label.POSITIVE, s.label(), () -> text + " " + s);
        assertFalse(s.complaint(), () -> text + " " + s);
        assertEquals(Intent.PRAISE, s.intent());
    }

    @Test
    void theExplanationListsTheWordsAndRulesThatMovedItWithTheirLearnedWeightsStrongestFirst() {
        Sentiment s = SCORER.score("The room was filthy and the staff were rude, but breakfast was lovely.", null);
        List<Contribution> why = s.explanation();
        assertFalse(why.isEmpty());
        assertTrue(why.size() <= LearnedScorer.MAX_EXPLANATION);
        for (int i = 1; i < why.size(); i++) {
            assertTrue(Math.abs(why.get(i - 1).weight()) >= Math.abs(why.get(i).weight()), why.toString());
        }
        assertTrue(why.stream().anyMatch(c -> c.rule().equals("learned") && c.term().equalsIgnoreCase("rude") && c.weight() < 0),
                why.toString());
        assertTrue(why.stream().anyMatch(c -> c.rule().equals("learned") && c.term().equalsIgnoreCase("lovely") && c.weight() > 0),
                why.toString());
        assertTrue(why.stream().anyMatch(c -> c.rule().equals("complaint-phrase") || c.rule().equals("but-clause")), why.toString());
    }

    @Test
    void aNegatedWordIsLearnedApartFromTheWordItself() {
        Sentiment s = SCORER.score("the food was not good at all", null);
        assertEquals(Label.NEGATIVE, s.label());
        assertTrue(s.explanation().stream().anyMatch(c -> c.rule().equals("learned-negated")), s.explanation().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "?!", "..."})
    void noEvidenceStaysUnknown(String text) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(Label.UNKNOWN, s.label());
        assertEquals(0, s.score());
        assertEquals(0, s.confidence());
        assertNull(s.probabilities());
        assertEquals(List.of(), s.explanation());
        assertFalse(s.complaint());
    }

    @Test
    void textNotInEnglishIsNotScoredButARatingStillSpeaks() {
        Sentiment s = SCORER.score("Das Essen war nicht gut und der Service war sehr langsam.", null);
        assertEquals("de", s.language());
        assertEquals(Label.UNKNOWN, s.label());
        Sentiment rated = SCORER.score("El pedido nunca llegó y nadie contesta el teléfono.", new Rating(1, 5));
        assertEquals(Label.NEGATIVE, rated.label());
        assertTrue(rated.complaint());
    }

    @Test
    void aRatingIsBlendedInAndAStrongTextAgainstItIsAConflict() {
        Sentiment unrated = SCORER.score("The box was a bit dented.", null);
        Sentiment rated = SCORER.score("The box was a bit dented.", new Rating(1, 5));
        assertTrue(rated.probabilities().negative() > unrated.probabilities().negative(), rated + " vs " + unrated);
        assertEquals(Label.NEGATIVE, rated.label(), rated.toString());
        assertTrue(rated.explanation().stream().anyMatch(c -> c.rule().equals("rating")));
        Sentiment conflict = SCORER.score("Absolutely wonderful, we loved every minute of it!", new Rating(1, 5));
        assertTrue(conflict.ratingConflict(), conflict.toString());
        assertEquals(Label.POSITIVE, conflict.label());
    }

    @Test
    void aQuestionStaysAQuestion() {
        assertEquals(Intent.QUESTION, SCORER.score("Is the store open on Sunday?", null).intent());
    }

    @Test
    void theBundledModelSaysWhatItWasTrainedOn() {
        String described = SCORER.toString();
        assertTrue(described.contains("hotel.tsv") && described.contains("cfpb.tsv") && described.contains("seed"), described);
    }
}
