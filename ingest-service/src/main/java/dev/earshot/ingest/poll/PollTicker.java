package dev.earshot.ingest.poll;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Drives the poll loop: every second, start what is due. The cadence itself is per source
 * ({@code earshot.ingest.poll-interval}); the tick only decides how soon a due poll starts.
 * Started at boot so the replica joins the source-sharing group at once.
 */
@Startup
@ApplicationScoped
public class PollTicker {

    private final PollScheduler scheduler;

    public PollTicker(PollScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Scheduled(identity = "poll-sources", every = "1s", delayed = "${earshot.ingest.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        scheduler.tick();
    }
}
