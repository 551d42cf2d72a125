package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention.Probabilities;
import org.junit.jupiter.api.Test;

/** Only in a -Pdeep build: the embedding model and its head load, and decide the texts the learned tier is unsure of. */
class DeepScorerTest {

    static final DeepHead HEAD = DeepHead.bundled();

    @Test
    void everyTextGoesThroughTheEmbeddingAndSaysSo() {
        DeepScorer deep = new DeepScorer(LearnedScorer.withDefaults(), HEAD, 1.01);
        Sentiment s = deep.score("Cheers for the lovely dent in my new monitor.", null);
        Probabilities p = s.probabilities();
        assertNotNull(p);
        assertEquals(1, p.negative() + p.neutral() + p.positive(), 0.001);
        assertEquals("deep", s.explanation().get(0).rule(), s.explanation().toString());
        assertTrue(s.explanation().size() <= LearnedScorer.MAX_EXPLANATION);
    }

    @Test
    void onlyUnsureTextsWithoutARatingAreEmbedded() {
        LearnedScorer learned = LearnedScorer.withDefaults();
        DeepScorer deep = new DeepScorer(learned, HEAD, 0.7);
        String sure = "The staff were lovely and the room was spotless.";
        assertTrue(learned.score(sure, null).confidence() >= 0.7);
        assertEquals(learned.score(sure, null), deep.score(sure, null));
        Sentiment rated = deep.score("It came in a box.", new Rating(1, 5));
        assertEquals(learned.score("It came in a box.", new Rating(1, 5)), rated);
        assertSame(Label.UNKNOWN, deep.score("!!!", null).label());
    }
}
