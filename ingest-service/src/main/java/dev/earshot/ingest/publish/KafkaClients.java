package dev.earshot.ingest.publish;

import dev.earshot.events.KafkaConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Creates the Kafka clients ingest-service uses, all pointed at one cluster, and the internal
 * topics it keeps its state in. Plain Kafka clients, because the state topics are read from the
 * beginning by every replica and the shard topic is a consumer group used only for its partition
 * assignment — neither fits a messaging channel.
 */
public final class KafkaClients {

    private final KafkaConnection connection;

    /** A broker without authentication (tests, the local run). */
    public KafkaClients(String bootstrapServers) {
        this(KafkaConnection.plaintext(bootstrapServers));
    }

    /** Every client starts from the connection's address and security settings. */
    public KafkaClients(KafkaConnection connection) {
        this.connection = connection;
    }

    public String bootstrapServers() {
        return connection.bootstrapServers();
    }

    public KafkaConnection connection() {
        return connection;
    }

    /** Idempotent, all-replica acks: a send that returns is on the cluster, and a retried one is not duplicated. */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        Properties p = connection.properties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer outside any group, for reading a state topic from its beginning. */
    public KafkaConsumer<String, String> reader(String clientId) {
        Properties p = connection.properties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** A member of {@code group}, for the partition assignment that shares sources between replicas. */
    public KafkaConsumer<String, String> groupMember(String group, String clientId) {
        Properties p = connection.properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A replica that dies hands its sources over within this.
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        // Only the shards that move are revoked; the others keep being polled through a rebalance.
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    public Admin admin() {
        Properties p = connection.properties();
        return Admin.create(p);
    }

    /**
     * Creates the topics that do not exist yet.
     *
     * @param topics name → (partitions, topic configs); the cluster's default replication factor
     */
    public void ensureTopics(Map<String, TopicSpec> topics, Duration timeout) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            var missing = topics.entrySet().stream().filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), Optional.of(e.getValue().partitions()), Optional.empty())
                            .configs(e.getValue().configs()))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) { // another replica was quicker
                throw new IllegalStateException("cannot create topics " + topics.keySet() + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + connection + " did not answer within " + timeout, e);
        }
    }

    /**
     * Sets these configs on an existing topic (one created by an older version keeps its configs
     * otherwise), e.g. the retention of a state topic.
     */
    public void setTopicConfigs(String topic, Map<String, String> configs, Duration timeout) {
        try (Admin admin = admin()) {
            var ops = configs.entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList();
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set " + configs + " on " + topic + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted configuring " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + connection + " did not answer within " + timeout, e);
        }
    }

    /**
     * The partition count of a topic, waiting for it to show in the metadata: a topic created a
     * moment ago may not be on every broker yet, and an empty answer would silently mean "nothing".
     */
    public static int partitionCount(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions != null && !partitions.isEmpty()) {
                return partitions.size();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions after " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + topic, e);
            }
        }
    }

    /** Partitions and configs of a topic to create. */
    public record TopicSpec(int partitions, Map<String, String> configs) {
        public static TopicSpec compacted(int partitions) {
            return new TopicSpec(partitions, Map.of("cleanup.policy", "compact"));
        }
    }
}
