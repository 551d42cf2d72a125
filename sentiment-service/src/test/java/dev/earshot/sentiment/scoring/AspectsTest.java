package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a mention is about, from a taxonomy an operator can extend. */
class AspectsTest {

    static final SentimentScorer SCORER = SentimentScorer.withDefaults();

    @Test
    void defaultTaxonomyHasEarshotsEightAspects() {
        assertEquals(List.of("delivery", "staff", "quality", "price", "waiting", "cleanliness", "safety", "communication"),
                AspectTaxonomy.defaults().aspects());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The courier left my parcel in the rain.                  | delivery
            The waiter was rude to my mother.                        | staff
            The fabric feels cheap and the stitching is loose.       | quality
            Way too expensive for what you get.                      | price
            We queued for ages.                                      | waiting
            The bathroom was filthy.                                 | cleanliness
            The charger overheated and I got an electric shock.      | safety
            Nobody replied to my emails.                             | communication
            Talked to customer service twice.                        | staff
            """)
    void eachDefaultAspectIsFound(String text, String aspect) {
        assertTrue(SCORER.score(text, null).aspects().contains(aspect), () -> text + " -> " + SCORER.score(text, null).aspects());
    }

    @Test
    void aspectsComeInTheOrderTheyAppearAndOnlyOnce() {
        Sentiment s = SCORER.score("The delivery was late, the driver was rude, and the delivery box was crushed.", null);
        assertEquals(List.of("delivery", "waiting", "staff"), s.aspects().subList(0, 3));
        assertEquals(s.aspects().size(), s.aspects().stream().distinct().count());
    }

    @Test
    void complaintRulesImplyTheirAspects() {
        assertEquals(List.of("waiting", "price"), SCORER.score("Still waiting for my refund.", null).aspects());
        assertTrue(SCORER.score("Nobody called back.", null).aspects().contains("communication"));
    }

    @Test
    void pluralsAndMultiWordKeywordsMatch() {
        assertTrue(SCORER.score("Two employees were smoking outside.", null).aspects().contains("staff"));
        assertTrue(SCORER.score("There were hidden fees everywhere.", null).aspects().contains("price"));
        assertTrue(SCORER.score("It was Out For Delivery all day.", null).aspects().contains("delivery"));
    }

    @Test
    void noAspectWhenTheTextIsAboutNothingInTheTaxonomy() {
        assertEquals(List.of(), SCORER.score("What a lovely afternoon.", null).aspects());
    }

    @Test
    void operatorsExtendTheTaxonomyWithKeywordsAndNewAspects() {
        AspectTaxonomy taxonomy = AspectTaxonomy.defaults().with(Map.of(
                "delivery", List.of("Evri", "click and collect"),
                "parking", List.of("car park", "parking")));
        SentimentScorer scorer = new SentimentScorer(Lexicon.vader(), taxonomy);
        assertEquals(List.of("delivery"), scorer.score("Evri dumped it over the fence.", null).aspects());
        assertEquals(List.of("delivery"), scorer.score("Click and collect was easy.", null).aspects());
        assertEquals(List.of("parking"), scorer.score("The car park was full.", null).aspects());
        assertEquals(List.of(), SCORER.score("The car park was full.", null).aspects(), "the defaults are unchanged");
        assertTrue(taxonomy.keywords("delivery").contains("evri"));
        assertEquals(9, taxonomy.aspects().size());
    }

    @Test
    void malformedExtensionsAreRejected() {
        AspectTaxonomy defaults = AspectTaxonomy.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("Bad Aspect", List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("parking", List.of(" "))));
    }
}
