package dev.earshot.ingest.poll;

import dev.earshot.ingest.extract.FeedParser;
import dev.earshot.ingest.publish.MentionPublisher;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.Source;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Polls every source of the catalog on the configured cadence; one failing source never stops the others. */
@ApplicationScoped
public class PollScheduler {

    private final Catalog catalog;
    private final SourcePoller poller;
    private final MeterRegistry metrics;

    public PollScheduler(Catalog catalog, HttpFetcher fetcher, MentionPublisher publisher, MeterRegistry metrics) {
        this.catalog = catalog;
        this.poller = new SourcePoller(fetcher, new FeedParser(), publisher, catalog, Clock.systemUTC());
        this.metrics = metrics;
    }

    @Scheduled(identity = "poll-sources", every = "${earshot.ingest.poll-interval}",
            delayed = "${earshot.ingest.initial-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollAll() {
        for (Source source : catalog.sources()) {
            if (source.kind() == Source.Kind.feed) {
                pollOne(source);
            }
        }
    }

    void pollOne(Source source) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
        try {
            SourcePoller.PollOutcome result = poller.poll(source);
            metrics.counter("earshot.ingest.mentions.published", "source", source.id()).increment(result.published());
            if (result.published() > 0) {
                Log.infof("Source %s: %d item(s), %d about a brand, %d new mention(s) published", source.id(),
                        result.items(), result.matched(), result.published());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (Exception e) {
            outcome = "error";
            Log.warnf("Source %s (%s) failed: %s", source.id(), source.url(), e.getMessage());
        } finally {
            sample.stop(metrics.timer("earshot.ingest.polls", "source", source.id(), "outcome", outcome));
        }
    }
}
