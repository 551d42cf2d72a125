package dev.earshot.alert.messaging;

import dev.earshot.alert.AlertConfig;
import dev.earshot.alert.detection.DetectionTopology;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Runs the detection topology with the application: creates the topics it reads when they are
 * missing, starts Kafka Streams (exactly-once, state under a configurable folder) on start-up and
 * closes it on shutdown.
 */
@Singleton
public class StreamsRuntime {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Topology topology;
    private final AlertConfig.Streams config;
    private final KafkaConnection kafka;
    private final MeterRegistry registry;
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics streamsMetrics;
    private volatile Path stateDir;
    private volatile boolean hasRun;
    private final ThreadFailures threadFailures = new ThreadFailures();

    public StreamsRuntime(Topology topology, AlertConfig config,
            KafkaConnection kafka, MeterRegistry registry) {
        this.registry = registry;
        this.topology = topology;
        this.config = config.streams();
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts Kafka Streams; the state folder is per Kafka cluster, so a new cluster never sees old state. */
    public synchronized void start() {
        String clusterId = ensureTopics();
        stateDir = config.stateDir().resolve(clusterId.replaceAll("[^A-Za-z0-9_-]", "_"));
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the Kafka Streams state folder " + stateDir, e);
        }
        Properties p = kafka.properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(config.commitInterval().toMillis()));
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                String.valueOf(config.sessionTimeout().toMillis()));
        config.instanceId().filter(id -> !id.isBlank()).ifPresent(id -> p.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, TooLargeRecordHandler.class.getName());
        p.put(TooLargeRecordHandler.METER_REGISTRY, registry);
        KafkaStreams ks = new KafkaStreams(topology, p);
        ks.setUncaughtExceptionHandler(e -> {
            threadFailures.failed(System.currentTimeMillis());
            registry.counter("earshot.alerts.stream.thread.failures").increment();
            Log.errorf(e, "Kafka Streams thread failed; replacing it (its work is redone from the last commit)");
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        hasRun = false;
        ks.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                hasRun = true;
            }
            Log.infof("Kafka Streams %s -> %s", before, now);
        });
        streamsMetrics = new KafkaStreamsMetrics(ks);
        streamsMetrics.bindTo(registry);
        ks.start();
        streams = ks;
    }

    public synchronized void stop() {
        KafkaStreams ks = streams;
        if (streamsMetrics != null) {
            streamsMetrics.close();
            streamsMetrics = null;
        }
        if (ks != null) {
            // Leave the group so a restarted or remaining replica takes the partitions over at once.
            ks.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            streams = null;
        }
    }

    /** Stops, optionally deletes the local state (it is rebuilt from the changelogs), and starts again. */
    public synchronized void restart(boolean wipeLocalState) {
        KafkaStreams ks = streams;
        stop();
        if (wipeLocalState && ks != null) {
            ks.cleanUp();
        }
        start();
    }

    public KafkaStreams.State state() {
        KafkaStreams ks = streams;
        return ks == null ? KafkaStreams.State.NOT_RUNNING : ks.state();
    }

    /** Whether this instance has been RUNNING since it was started (a later rebalance keeps it ready). */
    public boolean hasRun() {
        return hasRun;
    }

    /** Whether the stream thread keeps failing (replaced again and again): a stall, not progress. */
    public boolean crashLooping() {
        return threadFailures.looping(System.currentTimeMillis());
    }

    public Path stateDir() {
        return stateDir;
    }

    /** This replica's part of a key-value store (its partitions only). */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams ks = streams;
        if (ks == null) {
            throw new IllegalStateException("Kafka Streams is not running");
        }
        return ks.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** Creates the topics the topology reads when missing; the commands topic is co-partitioned with mentions. */
    private String ensureTopics() {
        try (Admin admin = Admin.create(kafka.properties())) {
            String clusterId = admin.describeCluster().clusterId().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            create(admin, Topics.MENTIONS_SCORED, config.partitions());
            create(admin, Topics.MONITORS, config.partitions());
            create(admin, DetectionTopology.NOTIFICATIONS_TOPIC, config.partitions());
            // Where every record it cannot act on goes: the stream and the delivery worker must never wait for it.
            create(admin, Topics.MENTIONS_SCORED_DLQ, config.partitions());
            int partitions = partitions(admin, Topics.MENTIONS_SCORED);
            create(admin, DetectionTopology.COMMANDS_TOPIC, partitions);
            int commandPartitions = partitions(admin, DetectionTopology.COMMANDS_TOPIC);
            if (commandPartitions != partitions) {
                throw new IllegalStateException(DetectionTopology.COMMANDS_TOPIC + " has " + commandPartitions
                        + " partitions but " + Topics.MENTIONS_SCORED + " has " + partitions
                        + ": they must match so commands reach the task that owns the incident");
            }
            return clusterId;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + kafka + " to set up topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topics", e);
        }
    }

    /** The topic's partition count; a topic just created may take a moment to be described. */
    private static int partitions(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return described.get(topic).partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void create(Admin admin, String topic, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (existing.contains(topic)) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
