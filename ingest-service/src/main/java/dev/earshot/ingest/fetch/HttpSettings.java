package dev.earshot.ingest.fetch;

import java.time.Duration;

/**
 * What {@link HttpFetcher} needs to know: the wiring's settings ({@code IngestConfig.Http}) extend this, so the
 * defaults stay with the other settings and this package does not reach back up to them.
 */
public interface HttpSettings {

    String userAgent();

    Duration connectTimeout();

    Duration readTimeout();

    Duration totalTimeout();

    long maxBodyBytes();

    int maxRedirects();
}
