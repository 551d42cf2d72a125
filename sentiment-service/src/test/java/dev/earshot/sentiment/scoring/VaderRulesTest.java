package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Contribution;
import dev.earshot.events.Label;
import org.junit.jupiter.api.Test;

/** VADER's rules, each on its own: the direction it moves the score and roughly how far. */
class VaderRulesTest {

    static final SentimentScorer SCORER = SentimentScorer.withDefaults();
    static final double GOOD = Lexicon.vader().valence("good");

    static double score(String text) {
        return SCORER.score(text, null).score();
    }

    /** VADER's normalization of a sum of valences. */
    static double compound(double sum) {
        return sum / Math.sqrt(sum * sum + 15);
    }

    @Test
    void oneLexiconWordScoresItsNormalizedValence() {
        assertEquals(1.9, GOOD, 1e-9, "VADER's lexicon is loaded from the classpath");
        assertEquals(compound(GOOD), score("The food was good."), 1e-9);
        assertEquals(compound(Lexicon.vader().valence("horrible")), score("The food was horrible."), 1e-9);
    }

    @Test
    void negationFlipsAndShrinksTheWordWithinThreeWords() {
        assertEquals(compound(GOOD * -0.74), score("The food was not good."), 1e-9);
        assertTrue(score("The food was not bad.") > 0.2, "not bad reads as mildly positive");
        assertTrue(score("The food isn't good.") < 0, "n't negates like not");
        assertTrue(score("It was not at all good.") < 0, "three words back still negates");
        assertTrue(score("I do not think the design itself is good.") > 0, "negation further back does not reach");
    }

    @Test
    void neverSoIntensifiesInsteadOfNegating() {
        assertTrue(score("I have never been so happy.") > 0);
        // "so" boosts as well, as in VADER
        assertEquals(compound((Lexicon.vader().valence("happy") + 0.293) * 1.25), score("Never so happy."), 1e-9);
    }

    @Test
    void boostersRaiseAndDampenersLowerIntensity() {
        double good = score("The food was good.");
        double veryGood = score("The food was very good.");
        double slightlyGood = score("The food was slightly good.");
        assertEquals(compound(GOOD + 0.293), veryGood, 1e-9);
        assertTrue(slightlyGood < good && slightlyGood > 0);
        assertTrue(score("The food was very bad.") < score("The food was bad."), "boosters push negatives further down");
        double kindOf = score("The food was kind of good.");
        assertTrue(kindOf < good && kindOf > 0, "'kind of' dampens");
    }

    @Test
    void butShiftsWeightToTheClauseAfterIt() {
        Sentiment s = SCORER.score("The food was great but the service was terrible.", null);
        assertEquals(Label.NEGATIVE, s.label());
        Sentiment reverse = SCORER.score("The service was terrible but the food was great.", null);
        assertEquals(Label.POSITIVE, reverse.label());
        assertTrue(s.explanation().stream().anyMatch(c -> c.rule().equals("but-clause")));
    }

    @Test
    void allCapsWordIsEmphasisedOnlyWhenTheRestIsNot() {
        assertEquals(compound(GOOD + 0.733), score("The food was GOOD."), 1e-9);
        assertEquals(score("THE FOOD WAS GOOD."), score("The food was good."), 1e-9, "all caps is shouting, not emphasis");
    }

    @Test
    void exclamationAndQuestionMarksAmplify() {
        double plain = score("The food was good");
        double one = score("The food was good!");
        double three = score("The food was good!!!");
        double six = score("The food was good!!!!!!");
        assertTrue(plain < one && one < three && three < six);
        assertEquals(compound(GOOD + 4 * 0.292), six, 1e-9, "at most four count");
        assertTrue(score("The food was bad!!") < score("The food was bad"), "emphasis goes the way of the feeling");
        assertTrue(score("Was the food good??") > score("Was the food good"), "two or more question marks amplify");
    }

    @Test
    void emoticonsAndEmojiCarryFeeling() {
        assertTrue(score("Dinner at Rosie's :)") > 0.3);
        assertTrue(score("Dinner at Rosie's :(") < -0.3);
        assertTrue(score("Dinner at Rosie's 😍") > 0.5);
        assertTrue(score("Dinner at Rosie's 😡") < -0.5);
        assertTrue(score("Dinner at Rosie's ❤️") > 0.5, "the heart with its variation selector");
        Sentiment s = SCORER.score("Dinner at Rosie's 👎", null);
        Contribution why = s.explanation().get(0);
        assertEquals("👎", why.term());
        assertEquals("emoji", why.rule());
        assertEquals(s.score(), why.weight(), 1e-4);
    }

    @Test
    void idiomsReplaceTheirWords() {
        assertTrue(score("The chocolate cake was to die for.") > 0.5, "'die' alone is negative");
        assertTrue(score("Yeah right.") < 0);
        assertTrue(score("Their new chef can cut the mustard.") > 0);
        assertTrue(score("Feeling under the weather today.") < 0);
        assertTrue(score("I am fed up with this bank.") < 0, "VADER's multi-word lexicon entries are matched");
        assertTrue(score("It looks like rain.") == 0, "'like' as a preposition carries no feeling");
    }

    @Test
    void leastNegatesUnlessAtLeast() {
        assertTrue(score("They were the least helpful staff.") < 0);
        assertTrue(score("They were at least helpful.") > 0);
    }

    @Test
    void noNegatesTheFeelingAfterIt() {
        assertTrue(score("No problems with the installation.") > 0);
        assertTrue(score("No.") < 0);
    }

    @Test
    void scoreStaysWithinMinusOneToOne() {
        assertTrue(score("great ".repeat(5_000)) < 1);
        assertTrue(score("AWFUL!!! ".repeat(5_000)) > -1);
        assertTrue(score("awful ".repeat(5_000)) >= -1);
    }
}
