package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The watcher watching itself: a source that keeps failing, or whose page suddenly yields nothing,
 * and its recovery. Value of topic {@link Topics#MONITORS}, keyed by {@code sourceId}.
 *
 * @param consecutiveFailures polls in a row that failed (0 for {@code recovered})
 * @param lastError           what the last failing poll said; null when recovered
 * @param lastSuccessAt       null when the source never worked
 */
public record MonitorEvent(
        int schemaVersion,
        String sourceId,
        String sourceUrl,
        Status status,
        int consecutiveFailures,
        String lastError,
        Instant lastSuccessAt,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;

    public enum Status {
        /** N polls in a row failed (HTTP errors, timeouts, unreadable content). */
        @JsonProperty("failing") FAILING,
        /** The source answers, but its selectors suddenly match nothing where they used to. */
        @JsonProperty("silent") SILENT,
        /** The source works again after {@code failing} or {@code silent}. */
        @JsonProperty("recovered") RECOVERED
    }
}
