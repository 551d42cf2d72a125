package dev.earshot.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends N payloads into one topic while a consumer counts them arriving on another, and times
 * first send to last arrival. With the same topic in and out it measures raw Kafka; with
 * {@code mentions} in and {@code mentions-scored} out it measures the service in between.
 */
final class ThroughputRun {

    record Result(long records, Duration elapsed) {
        double perSecond() {
            return records / (elapsed.toNanos() / 1e9);
        }
    }

    static Result run(String bootstrap, String inTopic, String outTopic, List<MentionGenerator.KeyedPayload> payloads,
            Duration timeout) throws InterruptedException {
        AtomicLong received = new AtomicLong();
        long expected = payloads.size();
        Thread producerThread;
        long[] lastArrival = new long[1];
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "load-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(outTopic));
            // Join the group and get partitions before the first send, so nothing is missed.
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);

            long start = System.nanoTime();
            producerThread = new Thread(() -> produce(bootstrap, inTopic, payloads), "load-producer");
            producerThread.start();
            long deadline = start + timeout.toNanos();
            while (received.get() < expected && System.nanoTime() < deadline) {
                int n = consumer.poll(Duration.ofMillis(100)).count();
                if (n > 0) {
                    received.addAndGet(n);
                    lastArrival[0] = System.nanoTime();
                }
            }
            producerThread.join();
            return new Result(received.get(), Duration.ofNanos(Math.max(1, lastArrival[0] - start)));
        }
    }

    static void produce(String bootstrap, String topic, List<MentionGenerator.KeyedPayload> payloads) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (MentionGenerator.KeyedPayload p : payloads) {
                producer.send(new ProducerRecord<>(topic, p.key(), p.value()));
            }
            producer.flush();
        }
    }

    private ThroughputRun() {
    }
}
