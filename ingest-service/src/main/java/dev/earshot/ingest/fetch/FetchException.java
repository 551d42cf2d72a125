package dev.earshot.ingest.fetch;

import java.io.IOException;
import java.time.Instant;

/** A fetch that produced no usable body; {@link #kind} is the metric tag and the status endpoint's word for it. */
public class FetchException extends IOException {

    /** What went wrong, as counted in {@code earshot_ingest_poll_errors_total{kind}}. */
    public enum Kind {
        blocked, robots, timeout, too_large, redirects, network, http, rate_limited, unreadable, publish,
        /** A {@code render: true} page could not be rendered: Chromium is missing, would not start, or failed. */
        browser
    }

    private final Kind kind;
    private final Instant retryAfter;

    public FetchException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public FetchException(Kind kind, String message, Instant retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** When the server asked to be left alone until (429/503 Retry-After), or null. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
