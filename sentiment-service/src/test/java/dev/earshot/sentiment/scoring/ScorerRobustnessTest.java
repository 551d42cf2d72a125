package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Label;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Mention text is untrusted: any input gets a sane answer, from any number of threads. */
class ScorerRobustnessTest {

    static final SentimentScorer SCORER = SentimentScorer.withDefaults();

    static final List<String> TEXTS = List.of(
            "Still waiting for my refund.", "Absolutely loved it!!! 😍", "The food was not good but the staff were lovely.",
            "Great, another late delivery.", "The store opens at 9am.", "El servicio fue terrible y la comida estaba fría.",
            "NEVER AGAIN. Charged twice and nobody called back :(");

    @Test
    void oneScorerServesManyThreadsWithTheSameAnswers() throws Exception {
        List<Sentiment> expected = TEXTS.stream().map(t -> SCORER.score(t, null)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 2_000; round++) {
                        int i = round % TEXTS.size();
                        if (!SCORER.score(TEXTS.get(i), null).equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hugeAndHostileTextIsScoredQuicklyAndBounded() {
        // Scored before the hostile input and again after, on this thread (whose workspace is reused).
        List<Sentiment> before = TEXTS.stream().map(t -> SCORER.score(t, null)).toList();
        String huge = "The service was awful and the food was cold. ".repeat(40_000); // ~1.8 MB
        Sentiment s = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SCORER.score(huge, null));
        assertTrue(s.score() >= -1 && s.score() < 0);
        assertEquals(Label.NEGATIVE, s.label());
        String weird = "\u0000\uD83D\uD83D\uFFFF'''---...???!!!\u200B\u202E :-) :-( <3 " + "a".repeat(10_000) + " \uDC00";
        Sentiment w = SCORER.score(weird, null);
        assertTrue(w.score() >= -1 && w.score() <= 1);
        assertEquals(before, TEXTS.stream().map(t -> SCORER.score(t, null)).toList(),
                "a huge or hostile text left no state behind");
    }

    @Test
    void aCustomLexiconWorks() throws IOException {
        Lexicon tiny = Lexicon.parse(new StringReader("grand\t2.5\t0.5\t[2, 3]\r\nshoddy\t-2.0\n"));
        SentimentScorer scorer = new SentimentScorer(tiny, AspectTaxonomy.of(Map.of("quality", List.of("build"))));
        Sentiment s = scorer.score("Grand design, shoddy build though. Still waiting for my refund.", null);
        assertEquals(List.of("quality"), s.aspects());
        assertTrue(s.explanation().stream().anyMatch(c -> c.term().equals("Grand")));
        assertEquals(Label.UNKNOWN, scorer.score("The food was good.", null).label(), "only the given lexicon counts");
    }

    @Test
    void malformedLexiconLinesAreReported() {
        assertThrows(IOException.class, () -> Lexicon.parse(new StringReader("good\n")));
        assertThrows(IOException.class, () -> Lexicon.parse(new StringReader("good\tvery\n")));
        assertTrue(Lexicon.vader().size() > 7_400, "VADER's whole list is loaded: " + Lexicon.vader().size());
    }

    @Test
    void malformedPhrasesAreRejected() {
        Vocabulary.Builder words = new Vocabulary.Builder();
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("~2 never", words));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("maybe? never", words));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("#colour late", words));
        assertEquals(3, PhrasePattern.compile("no_one|nobody called", words).size() + 1);
    }
}
