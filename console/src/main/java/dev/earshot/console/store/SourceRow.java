package dev.earshot.console.store;

import java.net.URI;
import java.time.Instant;

/**
 * A source as the catalog and its health reports say. {@code catalogUrl} may carry credentials, so pages show only its
 * host; {@code reportedUrl} is the monitors' copy, which ingest-service masks.
 */
public record SourceRow(String sourceId, String brandId, String kind, String catalogUrl, boolean removed,
        String status, Integer consecutiveFailures, String lastError, Instant lastSuccessAt, Instant at,
        String reportedUrl) {

    public String host() {
        try {
            String host = catalogUrl == null ? null : URI.create(catalogUrl).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** What a person reads: the last health report, or that none came. */
    public String health() {
        return status == null ? "no problem reported" : status;
    }

    public boolean troubled() {
        return "failing".equals(status) || "silent".equals(status);
    }
}
