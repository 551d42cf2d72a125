package dev.earshot.ingest.fetch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link PageRenderer} needs to know; the wiring's settings ({@code IngestConfig.Render}) extend this, so the
 * defaults stay with the other settings. Timeouts, the User-Agent and the page's byte cap are the plain fetch's
 * ({@link HttpSettings}).
 */
public interface RenderSettings {

    /** Debian's {@code chromium}. */
    Path chromium();

    /** Debian's {@code chromium-driver}, the one built for that Chromium; never downloaded. */
    Path chromedriver();

    /** Pages rendered at the same time; each is one Chromium process (with its tabs' renderer processes). */
    int maxConcurrent();

    /**
     * After the page has loaded, how long to wait for the reviews JavaScript inserts (for the source's review selector,
     * or schema.org markup when it has none); never past the fetch's total timeout.
     */
    Duration settleTime();

    /** Everything the browser downloads for one page (the page, its scripts, styles, XHR; images are not loaded). */
    long maxTrafficBytes();

    /** How long a poll waits for a free browser before it fails as a timeout. */
    Duration queueTimeout();
}
