package dev.earshot.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant T = Instant.parse("2026-12-02T05:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static Backoff backoff(double random) {
        return new Backoff(MINUTE, Duration.ofMinutes(30), () -> random);
    }

    @Test
    void afterASuccessTheNextPollIsUpToTenPercentEarlyNeverLate() {
        assertEquals(T.plusMillis(54_001), backoff(0.999_999).afterSuccess(T));
        assertEquals(T.plusSeconds(60).minusMillis(1), backoff(0.0).afterSuccess(T));
        assertEquals(T.plusSeconds(57), backoff(0.5).afterSuccess(T));
    }

    @Test
    void failuresDoubleTheWaitUpToTheMax() {
        Backoff b = backoff(0.5); // no jitter at the middle
        assertEquals(T.plus(MINUTE), b.afterFailure(T, 1, null));
        assertEquals(T.plus(Duration.ofMinutes(2)), b.afterFailure(T, 2, null));
        assertEquals(T.plus(Duration.ofMinutes(16)), b.afterFailure(T, 5, null));
        assertEquals(T.plus(Duration.ofMinutes(30)), b.afterFailure(T, 6, null));
        assertEquals(T.plus(Duration.ofMinutes(30)), b.afterFailure(T, 400, null), "no overflow after many failures");
    }

    @Test
    void jitterIsTwentyPercentEitherWay() {
        assertEquals(T.plusSeconds(96), backoff(0.0).afterFailure(T, 2, null));
        assertEquals(T.plusSeconds(144), backoff(1.0).afterFailure(T, 2, null));
    }

    @Test
    void aMaxBelowTheIntervalNeverPollsMoreOftenThanTheCadence() {
        Backoff b = new Backoff(MINUTE, Duration.ofSeconds(10), () -> 0.5);
        assertEquals(T.plus(MINUTE), b.afterFailure(T, 3, null));
    }

    @Test
    void retryAfterWinsWhenItIsLater() {
        Backoff b = backoff(0.5);
        assertEquals(T.plus(Duration.ofHours(1)), b.afterFailure(T, 1, T.plus(Duration.ofHours(1))));
        assertEquals(T.plus(MINUTE), b.afterFailure(T, 1, T.plusSeconds(5)));
    }
}
