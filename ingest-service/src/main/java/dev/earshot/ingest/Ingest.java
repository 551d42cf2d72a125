package dev.earshot.ingest;

import dev.earshot.events.CatalogFile;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.TopicTable;
import dev.earshot.ingest.fetch.HostLimiter;
import dev.earshot.ingest.fetch.HttpFetcher;
import dev.earshot.ingest.fetch.NetworkGuard;
import dev.earshot.ingest.fetch.PageRenderer;
import dev.earshot.ingest.fetch.RobotsRules;
import dev.earshot.ingest.mention.MentionFactory;
import dev.earshot.ingest.poll.PollScheduler;
import dev.earshot.ingest.poll.SourceOwnership;
import dev.earshot.ingest.poll.SourcePoll;
import dev.earshot.ingest.poll.SourceReader;
import dev.earshot.ingest.publish.AckedSender;
import dev.earshot.ingest.publish.KafkaClients;
import dev.earshot.ingest.publish.MentionPublisher;
import dev.earshot.ingest.publish.MonitorPublisher;
import dev.earshot.ingest.publish.PublishedStore;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.CatalogLoader;
import dev.earshot.ingest.source.CatalogStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One running ingest replica, built from its settings and a Kafka cluster: the plain classes that
 * do the work, wired in one place. {@link #start} creates the internal topics, reads the catalog
 * changes and the published store, and joins the group that shares the sources. The Quarkus app
 * runs one; the restart and two-replica tests run several in one JVM.
 */
public final class Ingest implements AutoCloseable {

    /** How long creating the internal topics may take. */
    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);

    public final KafkaClients kafka;
    public final KafkaProducer<String, byte[]> producer;
    public final AckedSender sender;
    public final PublishedStore published;
    public final CatalogStore catalog;
    public final NetworkGuard guard;
    public final HttpFetcher fetcher;
    /** Starts no browser until a render: true source is read. */
    public final PageRenderer renderer;
    public final SourceReader reader;
    public final MentionFactory mentionFactory;
    public final MentionPublisher mentions;
    public final SourceOwnership ownership;
    public final PollScheduler scheduler;
    private final String memberName;
    private final MeterRegistry registry;
    private final Duration catchUpTimeout;

    /** Against a broker without authentication (tests, benchmarks). */
    public Ingest(IngestConfig config, String bootstrapServers, String memberName, Clock clock, MeterRegistry registry) {
        this(config, KafkaConnection.plaintext(bootstrapServers), memberName, clock, registry);
    }

    public Ingest(IngestConfig config, KafkaConnection connection, String memberName, Clock clock, MeterRegistry registry) {
        this.memberName = memberName;
        this.registry = registry;
        this.catchUpTimeout = config.catchUpTimeout();
        kafka = new KafkaClients(connection);
        producer = kafka.producer(memberName);
        sender = new AckedSender(producer, 3, Duration.ofMillis(500));
        published = new PublishedStore(kafka, sender, config.publishedRetention(), clock);
        CatalogFile fromFile = config.catalogFile().map(CatalogLoader::load).orElseGet(() -> {
            Log.warn("No catalog file configured (EARSHOT_CONFIG): the catalog topic alone says what is watched");
            return null;
        });
        catalog = new CatalogStore(fromFile, kafka, sender, registry);
        guard = new NetworkGuard(config.allowPrivateNetworks(), config.http().totalTimeout());
        fetcher = new HttpFetcher(config.http(), guard, clock);
        HostLimiter hosts = new HostLimiter(config.hosts().minInterval(), config.hosts().maxConcurrent());
        RobotsRules robots = new RobotsRules(fetcher, config.robots().cacheTtl(), config.robots().enabled(), clock,
                hosts::crawlDelay);
        renderer = new PageRenderer(config.render(), config.http(), guard);
        reader = new SourceReader(fetcher, renderer, robots, config.poll().maxPagesLimit(), config.hosts().minInterval());
        mentionFactory = new MentionFactory();
        mentions = new MentionPublisher(sender, published, registry);
        ownership = new SourceOwnership(kafka, config.shards().group());
        scheduler = new PollScheduler(catalog, new SourcePoll(reader, mentionFactory, mentions, clock),
                new MonitorPublisher(sender), hosts,
                new PollScheduler.Shards(ownership::owns, ownership::partitionOf, this::awaitCaughtUp),
                new PollScheduler.Schedule(config.pollInterval(), config.poll(), clock), registry);
        ownership.hooks(scheduler);
        kafka.ensureTopics(Map.of(
                PublishedStore.TOPIC, new KafkaClients.TopicSpec(6, PublishedStore.topicConfigs(config.publishedRetention())),
                CatalogStore.TOPIC, fromTable(CatalogStore.TOPIC),
                CatalogStore.DLQ_TOPIC, fromTable(CatalogStore.DLQ_TOPIC),
                SourceOwnership.TOPIC, new KafkaClients.TopicSpec(config.shards().partitions(),
                        Map.of("retention.ms", String.valueOf(Duration.ofHours(1).toMillis())))), TOPICS_TIMEOUT);
        try { // a published topic created before markers had a retention gets it now
            kafka.setTopicConfigs(PublishedStore.TOPIC, PublishedStore.topicConfigs(config.publishedRetention()), TOPICS_TIMEOUT);
        } catch (IllegalStateException e) { // e.g. no AlterConfigs permission: memory stays bounded, the topic is the operator's
            Log.warnf("Could not set the retention of %s (%s); set %s on it", PublishedStore.TOPIC, e.getMessage(),
                    PublishedStore.topicConfigs(config.publishedRetention()));
        }
    }

    /** As deploy/kafka/topics.tsv declares it. */
    private static KafkaClients.TopicSpec fromTable(String topic) {
        TopicTable.Topic t = TopicTable.topic(topic);
        return new KafkaClients.TopicSpec(t.partitions(), t.configs());
    }

    /**
     * Starts reading the state topics and joins the source-sharing group; returns once this replica
     * polls, or after the first catch-up attempt failed (it keeps trying, and readiness says why).
     */
    public Ingest start() {
        catalog.start();
        published.start();
        try {
            awaitCaughtUp();
            Catalog c = catalog.current();
            Log.infof("Watching %d brand(s) in %d source(s); %d published mention version(s) known", c.brands().size(),
                    c.sources().size(), published.size());
        } catch (IllegalStateException e) {
            // A large published topic takes longer than one attempt: no crash loop, no polls before it is read.
            Log.warnf("Not caught up with the state topics at start (%s); polling starts once this replica has",
                    e.getMessage());
        }
        ownership.start(memberName, Duration.ofSeconds(30));
        return this;
    }

    /** Both state topics read up to their end, so nothing polled now is published twice or against stale brands. */
    private void awaitCaughtUp() {
        catalog.awaitCaughtUp(catchUpTimeout);
        published.awaitCaughtUp(catchUpTimeout);
    }

    /** Where this replica's metrics are. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        ownership.close(); // first: the other replicas take over while this one finishes
        scheduler.close();
        catalog.close();
        published.close();
        producer.close(Duration.ofSeconds(5));
        fetcher.close();
        renderer.close();
    }
}
