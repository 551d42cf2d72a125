package dev.earshot.ingest.poll;

import java.time.Duration;

/**
 * What the poll loop needs to know: the wiring's settings ({@code IngestConfig.Poll}) extend this, so the defaults
 * stay with the other settings and this package does not reach back up to them.
 */
public interface PollSettings {

    int workers();

    Duration maxBackoff();

    int failuresBeforeBroken();

    int maxPagesLimit();
}
