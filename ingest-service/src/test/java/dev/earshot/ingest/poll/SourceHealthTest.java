package dev.earshot.ingest.poll;

import static dev.earshot.events.MonitorEvent.Status.FAILING;
import static dev.earshot.events.MonitorEvent.Status.RECOVERED;
import static dev.earshot.events.MonitorEvent.Status.SILENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SourceHealthTest {

    private final SourceHealth health = new SourceHealth(3);

    @Test
    void failingIsRaisedOnceAtTheThirdFailureInARowAndRecoveredOnce() {
        assertNull(health.failed());
        assertNull(health.failed());
        assertEquals(FAILING, health.failed());
        assertNull(health.failed(), "raised once, not on every failure");
        assertEquals("failing", health.label());
        assertEquals(4, health.consecutiveFailures());
        assertEquals(RECOVERED, health.succeeded(true, false, 12));
        assertNull(health.succeeded(true, false, 12));
        assertEquals("ok", health.label());
        assertEquals(0, health.consecutiveFailures());
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        health.failed();
        health.failed();
        assertNull(health.succeeded(false, false, 0));
        assertNull(health.failed());
        assertNull(health.failed());
        assertEquals(FAILING, health.failed());
    }

    @Test
    void aPageThatHadReviewsAndAnswersWithNoneIsSilentOnceThenRecovers() {
        assertNull(health.succeeded(true, true, 0), "a page that never had reviews is not silent");
        assertNull(health.succeeded(true, true, 8));
        assertEquals(SILENT, health.succeeded(true, true, 0));
        assertEquals(8, health.lastNonEmptyItems());
        assertNull(health.succeeded(true, true, 0), "raised once");
        assertNull(health.succeeded(false, true, 0), "a 304 does not say the reviews are back");
        assertEquals("silent", health.label());
        assertEquals(RECOVERED, health.succeeded(true, true, 5));
    }

    @Test
    void aFeedWithoutItemsIsNeverSilent() {
        health.succeeded(true, false, 8);
        assertNull(health.succeeded(true, false, 0));
        assertEquals("ok", health.label());
    }

    @Test
    void aNotModifiedAnswerEndsAFailingStreak() {
        health.failed();
        health.failed();
        health.failed();
        assertEquals(RECOVERED, health.succeeded(false, true, 0));
    }
}
