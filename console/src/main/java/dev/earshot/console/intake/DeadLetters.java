package dev.earshot.console.intake;

import dev.earshot.events.DeadLetterHeaders;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.Topics;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends a record the console cannot read, as received, to {@link #TOPIC} (catalog records: {@code catalog-dlq}) with the contract's headers; waits for the ack. */
final class DeadLetters implements AutoCloseable {

    /** Records of the public topics the console could not store, with the reason in headers. */
    static final String TOPIC = Topics.CONSOLE_DLQ;

    private final KafkaProducer<byte[], byte[]> producer;

    DeadLetters(KafkaConnection kafka) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "earshot-console-dlq");
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Creates {@link #TOPIC} when it is missing (one partition, the broker's replication and retention), so a missing
     * dead-letter topic cannot hold the intake up; {@code catalog-dlq} is its owner's to create.
     */
    static void createTopicIfMissing(KafkaConnection kafka) {
        try (Admin admin = Admin.create(kafka.properties())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                Log.warnf("Could not create %s (dead letters will wait for it): %s", TOPIC, e.getCause().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            Log.warnf("Could not create %s in 30 s; dead letters will wait for it", TOPIC);
        }
    }

    void send(ConsumerRecord<byte[], byte[]> r, String reason) {
        // The catalog's readers share its dead-letter topic (docs/events.md); the rest go to the console's own.
        String to = Topics.CATALOG.equals(r.topic()) ? Topics.CATALOG_DLQ : TOPIC;
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(to, r.key(), r.value());
        out.headers().add(DeadLetterHeaders.REASON, bytes(reason));
        out.headers().add(DeadLetterHeaders.TOPIC, bytes(r.topic()));
        out.headers().add(DeadLetterHeaders.PARTITION, bytes(Integer.toString(r.partition())));
        out.headers().add(DeadLetterHeaders.OFFSET, bytes(Long.toString(r.offset())));
        try {
            producer.send(out).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // Not skipped silently: the batch is retried, offsets are not committed.
            throw new IllegalStateException("could not dead-letter a record of " + r.topic(), e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
