package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Contribution;
import dev.earshot.events.Rating;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the alert email shows a PR person: which words moved the score, how far, strongest first. */
class ExplanationTest {

    static final SentimentScorer SCORER = SentimentScorer.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "Waited 40 minutes at Northwind Coffee for a cold latte. Never again.",
        "The room was lovely but the staff were incredibly rude!!!",
        "Not bad at all :) would come back",
        "Great, another late delivery. Thanks for nothing 😡",
        "I couldn't be happier, the team went above and beyond."})
    void weightsAddUpToTheScore(String text) {
        Sentiment s = SCORER.score(text, null);
        double sum = s.explanation().stream().mapToDouble(Contribution::weight).sum();
        assertEquals(s.score(), sum, 0.001 * s.explanation().size() + 1e-9, () -> text + " " + s.explanation());
        Sentiment rated = SCORER.score(text, new Rating(3, 5));
        assertEquals(rated.score(), rated.explanation().stream().mapToDouble(Contribution::weight).sum(), 0.002 * rated.explanation().size());
    }

    @Test
    void strongestComesFirst() {
        List<Contribution> why = SCORER.score("The soup was okay, the bread was good and the dessert was absolutely horrible.", null).explanation();
        for (int i = 1; i < why.size(); i++) {
            assertTrue(Math.abs(why.get(i - 1).weight()) >= Math.abs(why.get(i).weight()), why::toString);
        }
        assertEquals("absolutely horrible", why.get(0).term());
        assertEquals("booster", why.get(0).rule());
    }

    @Test
    void termsAreTheWordsAsWrittenWithTheirModifiers() {
        Sentiment s = SCORER.score("The staff were NOT helpful.", null);
        assertEquals(new Contribution("NOT helpful", "negation", round(s.score())), rounded(s.explanation().get(0)));
        assertEquals("kind of good", SCORER.score("It was kind of good.", null).explanation().get(0).term());
    }

    @Test
    void theSameTermTwiceIsOneLine() {
        List<Contribution> why = SCORER.score("Bad food. Bad service. Bad everything.", null).explanation();
        assertEquals(1, why.stream().filter(c -> c.term().equalsIgnoreCase("bad")).count(), why::toString);
    }

    @Test
    void everyRuleUsesItsDocumentedName() {
        assertRule("The food was good.", "lexicon");
        assertRule("The food was not good.", "negation");
        assertRule("The food was very good.", "booster");
        assertRule("The food was slightly good.", "dampener");
        assertRule("The room was fine but the bed was awful.", "but-clause");
        assertRule("The food was GOOD today.", "caps");
        assertRule("The food was good!!!", "punctuation");
        assertRule("Dinner 😍", "emoji");
        assertRule("The cake was to die for.", "idiom");
        assertRule("Still waiting for my refund.", "complaint-phrase");
        assertRule("Great, another late delivery.", "sarcasm");
        assertRule("Fixed on the first visit.", "praise-phrase");
        assertEquals("rating", SCORER.score("", new Rating(2, 5)).explanation().get(0).rule());
    }

    private static void assertRule(String text, String rule) {
        List<Contribution> why = SCORER.score(text, null).explanation();
        assertTrue(why.stream().anyMatch(c -> c.rule().equals(rule)), () -> text + " -> " + why);
    }

    private static Contribution rounded(Contribution c) {
        return new Contribution(c.term(), c.rule(), round(c.weight()));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
