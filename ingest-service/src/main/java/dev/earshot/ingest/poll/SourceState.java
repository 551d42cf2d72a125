package dev.earshot.ingest.poll;

import dev.earshot.ingest.source.Brand;
import java.time.Instant;
import java.util.List;

/**
 * The per-source memory of the poll loop: the conditional-GET cursor (moved only after Kafka
 * acknowledged what the poll published), the schedule, and the failure streak that decides
 * "monitor broken" events. Guarded by its own monitor.
 */
final class SourceState {

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
    int consecutiveFailures;
    Instant lastSuccessAt;
    /** Items the last successful poll that had any found; 0 before then. */
    int lastNonEmptyItems;
    /** The monitor event last raised for this source, so each is raised once: failing, silent, or null. */
    String reported;
    boolean inFlight;
    String url;

    synchronized SourceStatus status(String id, boolean polledHere) {
        String health = reported == null ? "ok" : reported;
        return new SourceStatus(id, dev.earshot.ingest.source.UrlSecrets.hide(url), lastPollAt, outcome, errorKind, lastError, items, newMentions,
                inFlight ? null : nextPollAt.equals(Instant.EPOCH) ? null : nextPollAt, consecutiveFailures,
                lastSuccessAt, health, polledHere);
    }
}
