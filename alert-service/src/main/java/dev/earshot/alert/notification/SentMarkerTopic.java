package dev.earshot.alert.notification;

import dev.earshot.events.KafkaConnection;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sent markers kept on a compacted topic (key: delivery id, value: when), read whole into memory. A
 * replica that takes over a partition of the notifications topic first reads this topic to its end,
 * so it sees every delivery the previous owner made before that owner committed its offsets.
 * Markers older than {@link #RETENTION} are deleted by Kafka and forgotten here.
 */
final class SentMarkerTopic implements SentMarkers, AutoCloseable {

    /** Longer than a notification can wait on its topic to be read again. */
    static final Duration RETENTION = Duration.ofDays(30);

    private final String topic;
    private final KafkaProducer<String, Long> producer;
    private final KafkaConsumer<String, Long> reader;
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    /** Markers Kafka did not acknowledge yet: offsets are not committed past them. */
    private final Map<String, Long> unsaved = new ConcurrentHashMap<>();

    SentMarkerTopic(String topic, KafkaConnection kafka) {
        this.topic = topic;
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p, new StringSerializer(), new LongSerializer());
        Properties c = kafka.properties();
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        reader = new KafkaConsumer<>(c, new StringDeserializer(), new LongDeserializer());
    }

    @Override
    public boolean contains(String deliveryId) {
        return sent.containsKey(deliveryId);
    }

    @Override
    public void mark(String deliveryId, long nowMs) {
        sent.put(deliveryId, nowMs);
        unsaved.put(deliveryId, nowMs);
        producer.send(new ProducerRecord<>(topic, deliveryId, nowMs), (meta, error) -> {
            if (error == null) {
                unsaved.remove(deliveryId, nowMs);
            } else {
                Log.warnf("Sent marker %s not saved yet: %s", deliveryId, error.getMessage());
            }
        });
    }

    /** Waits until Kafka has every marker; false when some are still missing (they are sent again). */
    boolean saved() {
        producer.flush();
        if (unsaved.isEmpty()) {
            return true;
        }
        new HashMap<>(unsaved).forEach(this::mark);
        return false;
    }

    /** Reads the topic up to its current end (all partitions), forgetting markers past their retention. */
    void catchUp(Duration timeout, long nowMs) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : reader.partitionsFor(topic, timeout)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        if (!reader.assignment().containsAll(partitions)) {
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = reader.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey(), timeout) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the sent markers on " + topic + " within " + timeout);
            }
            for (ConsumerRecord<String, Long> r : reader.poll(Duration.ofMillis(200))) {
                if (r.value() == null) {
                    sent.remove(r.key());
                } else {
                    sent.put(r.key(), r.value());
                }
            }
        }
        sent.values().removeIf(at -> at < nowMs - RETENTION.toMillis());
    }

    int size() {
        return sent.size();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        reader.close();
    }
}
