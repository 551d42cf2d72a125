package dev.earshot.sentiment.messaging;

import dev.earshot.events.KafkaConnection;
import dev.earshot.sentiment.SentimentConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Creates the consumer of {@code mentions} and the producer of {@code mentions-scored} and
 * {@code mentions-dlq}. Both move bytes: values are parsed and written by the scoring loop itself,
 * and a dead-lettered record keeps its key and value exactly as received.
 */
final class ScoringKafkaClients {

    /** The consumer group whose committed offsets say how far scoring has got. */
    static final String GROUP = "sentiment-service";

    private final KafkaConnection kafka;
    private final SentimentConfig.Loop settings;

    ScoringKafkaClients(KafkaConnection kafka, SentimentConfig.Loop settings) {
        this.kafka = kafka;
        this.settings = settings;
    }

    KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP + "-mentions");
        // Offsets are committed by the loop, after Kafka acknowledged what the records became.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, settings.maxPartitionFetchBytes());
        // Only the partitions that move are revoked; the others keep being scored through a rebalance.
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Idempotent, all-replica acks: an acknowledged record is on the cluster, and the producer's own retries do not duplicate it. */
    KafkaProducer<byte[], byte[]> producer() {
        int sendTimeoutMs = (int) settings.sendTimeout().toMillis();
        Properties p = kafka.properties();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, GROUP + "-scored");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The loop flushes each batch, so linger only groups the records of one batch.
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeoutMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, sendTimeoutMs));
        // A send blocks while metadata is missing (broker down); short, so the loop gets back to retrying.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(10_000, sendTimeoutMs));
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
