package dev.earshot.ingest.poll;

import dev.earshot.ingest.source.Brand;
import dev.earshot.ingest.source.UrlSecrets;
import java.time.Instant;
import java.util.List;

/**
 * The per-source memory of the poll loop: the conditional-GET cursor (moved only after Kafka
 * acknowledged what the poll published), the schedule, what the last poll did, and the source's
 * {@link SourceHealth}. Guarded by its own monitor.
 */
final class SourceState {

    final SourceHealth health;
    String etag;
    String lastModified;
    /** The address and the brand list the cursor was taken for; a change of either invalidates it. */
    String cursorUrl;
    List<Brand> cursorBrands;
    Instant lastPollAt;
    Instant nextPollAt = Instant.EPOCH;
    String outcome = "never-polled";
    String errorKind;
    String lastError;
    int items;
    int newMentions;
    Instant lastSuccessAt;
    boolean inFlight;
    String url;

    SourceState(String url, SourceHealth health) {
        this.url = url;
        this.health = health;
    }

    synchronized SourceStatus status(String id, boolean polledHere) {
        return new SourceStatus(id, UrlSecrets.hide(url), lastPollAt, outcome, errorKind, lastError, items, newMentions,
                inFlight ? null : nextPollAt.equals(Instant.EPOCH) ? null : nextPollAt, health.consecutiveFailures(),
                lastSuccessAt, health.label(), polledHere);
    }
}
