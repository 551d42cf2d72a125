package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The post cues the learned tier reads: failure words, praise beside them, requests, questions. */
class PostCuesTest {

    private final SentimentScorer rules = SentimentScorer.withDefaults();

    private double[] dense(String text) {
        Workspace w = Workspace.forText(text.length());
        rules.analyse(text, w);
        LearnedFeatures.collect(w, (1 << 18) - 1);
        return w.dense.clone();
    }

    @Test
    void aFactualFailureWithNoFeelingWordIsAFailureEvent() {
        double[] d = dense("@Brightway train cancelled again, still no update");
        assertEquals(1.0, d[LearnedFeatures.D_FAILURE], 1e-9); // cancelled, again, still (capped at 3)
        assertEquals(0.0, d[LearnedFeatures.D_SARCASM_CUE]);
        assertEquals(0.0, d[LearnedFeatures.D_REQUEST]);
    }

    @Test
    void praiseBesideAFailureIsTheSarcasmCue() {
        assertEquals(1.0, dense("Brilliant, my parcel is missing. Thanks a lot")[LearnedFeatures.D_SARCASM_CUE]);
        assertEquals(0.0, dense("Brilliant service, thanks a lot")[LearnedFeatures.D_SARCASM_CUE]);
    }

    @Test
    void aRequestAfterTheHandleAndAQuestionAboutAFailure() {
        assertEquals(1.0, dense("@Brightway send an engineer, not another script")[LearnedFeatures.D_REQUEST]);
        assertEquals(0.0, dense("@Brightway the engineer came today")[LearnedFeatures.D_REQUEST]);
        assertEquals(1.0, dense("@Brightway why is my order still not here?")[LearnedFeatures.D_QUESTION_FAILURE]);
        assertEquals(0.0, dense("@Brightway do you deliver on Sundays?")[LearnedFeatures.D_QUESTION_FAILURE]);
    }

    @Test
    void theLearnedScorerNamesTheCueItUsed() {
        Sentiment s = LearnedScorer.withDefaults().score("@Brightway flight delayed again, still waiting at the gate", null);
        assertTrue(s.explanation().stream().anyMatch(c -> c.rule().equals("failure-event") && c.weight() < 0),
                s.explanation().toString());
        assertFalse(s.label() == dev.earshot.events.Label.POSITIVE, s.toString());
    }
}
