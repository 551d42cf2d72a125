package dev.earshot.ingest;

import dev.earshot.events.KafkaConnection;
import dev.earshot.ingest.fetch.HttpFetcher;
import dev.earshot.ingest.fetch.NetworkGuard;
import dev.earshot.ingest.mention.MentionFactory;
import dev.earshot.ingest.poll.PollScheduler;
import dev.earshot.ingest.poll.SourceOwnership;
import dev.earshot.ingest.poll.SourceReader;
import dev.earshot.ingest.publish.MentionPublisher;
import dev.earshot.ingest.source.CatalogStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Makes the parts of this replica's {@link Ingest} available to the REST API, health and the ticker. */
public class IngestBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Ingest ingest(IngestConfig config, Clock clock, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        String member = "earshot-ingest-" + ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        // The kafka.* settings (KAFKA_* variables), security included, reach every client ingest builds.
        return new Ingest(config, KafkaConnection.from(kafkaConfig), member, clock, registry).start();
    }

    void close(@Disposes Ingest ingest) {
        ingest.close();
    }

    @Produces
    @Singleton
    PollScheduler scheduler(Ingest ingest) {
        return ingest.scheduler;
    }

    @Produces
    @Singleton
    SourceOwnership ownership(Ingest ingest) {
        return ingest.ownership;
    }

    @Produces
    @Singleton
    CatalogStore catalog(Ingest ingest) {
        return ingest.catalog;
    }

    @Produces
    @Singleton
    SourceReader reader(Ingest ingest) {
        return ingest.reader;
    }

    @Produces
    @Singleton
    MentionFactory mentionFactory(Ingest ingest) {
        return ingest.mentionFactory;
    }

    @Produces
    @Singleton
    MentionPublisher mentions(Ingest ingest) {
        return ingest.mentions;
    }

    @Produces
    @Singleton
    NetworkGuard guard(Ingest ingest) {
        return ingest.guard;
    }

    @Produces
    @Singleton
    HttpFetcher fetcher(Ingest ingest) {
        return ingest.fetcher;
    }
}
