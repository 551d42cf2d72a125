package dev.earshot.ingest.poll;

import java.time.Instant;

/**
 * What a person wants to know about one source ({@code GET /api/sources/{id}/status}).
 *
 * @param outcome          {@code ok}, {@code not-modified}, {@code error} or {@code never-polled}
 * @param errorKind        for an error: {@code timeout}, {@code too_large}, {@code http}, {@code robots}, …
 * @param newMentions      mentions the last poll published
 * @param health           {@code ok}, {@code failing} (N polls in a row failed) or {@code silent}
 *                         (the page answers but yields nothing any more)
 * @param polledHere       false when another replica owns this source right now
 */
public record SourceStatus(String id, String url, Instant lastPollAt, String outcome, String errorKind, String lastError,
        int items, int newMentions, Instant nextPollAt, int consecutiveFailures, Instant lastSuccessAt, String health,
        boolean polledHere) {
}
