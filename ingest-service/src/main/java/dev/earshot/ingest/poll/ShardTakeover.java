package dev.earshot.ingest.poll;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shards this replica was given but may not poll yet, because it has not caught up with what
 * was published: their catch-up is tried, and after a failure tried again with doubling backoff
 * (1 s up to 30 s), never given up. Kept apart from the consumer loop so that a failed catch-up
 * never leaves the group. Used from the ownership thread only.
 */
final class ShardTakeover {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Set<Integer> pending = new TreeSet<>();
    private Duration backoff = FIRST_BACKOFF;
    private long nextAttemptNanos;
    private volatile String problem;
    private volatile boolean waiting;

    void assigned(Set<Integer> shards) {
        pending.addAll(shards);
        waiting = !pending.isEmpty();
    }

    void revoked(Set<Integer> shards) {
        pending.removeAll(shards);
        if (pending.isEmpty()) {
            reset();
        }
    }

    /**
     * Catches up for the pending shards when it is time to try, and returns those now ready to poll.
     *
     * @param catchUp throws when it cannot catch up (in time)
     */
    Set<Integer> attempt(java.util.function.Consumer<Set<Integer>> catchUp, long nowNanos) {
        if (pending.isEmpty() || nowNanos - nextAttemptNanos < 0) {
            return Set.of();
        }
        Set<Integer> shards = Set.copyOf(pending);
        try {
            catchUp.accept(shards);
        } catch (RuntimeException e) {
            problem = "cannot poll source shards " + new TreeSet<>(shards) + " yet: " + e.getMessage()
                    + "; trying again in " + backoff.toSeconds() + " s";
            Log.warn(problem);
            nextAttemptNanos = nowNanos + backoff.toNanos();
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            return Set.of();
        }
        if (problem != null) {
            Log.infof("Caught up: polling source shards %s", new TreeSet<>(shards));
        }
        pending.removeAll(shards);
        reset();
        return shards;
    }

    /** Why shards this replica was given are not polled, while that is so. */
    Optional<String> problem() {
        String p = problem;
        return p != null ? Optional.of(p) : waiting ? Optional.of("catching up with the state topics before polling") : Optional.empty();
    }

    void clear() {
        pending.clear();
        reset();
    }

    private void reset() {
        backoff = FIRST_BACKOFF;
        nextAttemptNanos = 0;
        problem = null;
        waiting = !pending.isEmpty();
    }
}
