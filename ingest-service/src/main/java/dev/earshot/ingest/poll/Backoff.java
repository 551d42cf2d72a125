package dev.earshot.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a source is polled next. After a success: one interval after the poll started, 0-10 % early and never
 * late, so a source is read at least once per interval and sources added together drift apart. After failures:
 * the interval doubled per failure in a row, capped at the max but never below the interval, ±20 % jitter, and
 * not before the server's Retry-After.
 */
public final class Backoff {

    private final Duration interval;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration interval, Duration max) {
        this(interval, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    Backoff(Duration interval, Duration max, DoubleSupplier random) {
        this.interval = interval;
        this.max = max;
        this.random = random;
    }

    public Instant afterSuccess(Instant pollStarted) {
        return pollStarted.plus(interval).minus(jittered(interval.dividedBy(20), 1.0));
    }

    /** @param retryAfter when the server asked to be left alone until, or null */
    public Instant afterFailure(Instant now, int consecutiveFailures, Instant retryAfter) {
        Duration base = interval.multipliedBy(1L << Math.min(Math.max(consecutiveFailures, 1) - 1, 16));
        Duration capped = base.compareTo(max) > 0 ? max : base;
        Instant next = now.plus(jittered(capped.compareTo(interval) < 0 ? interval : capped, 0.2));
        return retryAfter != null && retryAfter.isAfter(next) ? retryAfter : next;
    }

    private Duration jittered(Duration d, double spread) {
        double factor = 1 - spread + random.getAsDouble() * 2 * spread;
        return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
    }
}
