package dev.earshot.sentiment.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.earshot.events.EventJson;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.Topics;
import dev.earshot.sentiment.SentimentConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes corrections to {@link #TOPIC}, one acknowledged record each (acks=all, idempotent): a
 * correction the caller was told is stored is on the cluster. The producer is made on first use,
 * so the scoring loop's start does not wait for it.
 */
@ApplicationScoped
public class FeedbackPublisher {

    /** Corrections of scores, for the next training run. */
    public static final String TOPIC = Topics.SENTIMENT_FEEDBACK;

    private final KafkaConnection kafka;
    private final SentimentConfig config;
    private KafkaProducer<byte[], byte[]> producer;

    FeedbackPublisher(KafkaConnection kafka, SentimentConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    /** Publishes one correction and waits for Kafka's acknowledgement (at most the send timeout). */
    RecordMetadata publish(Feedback feedback) throws PublishException {
        byte[] value;
        try {
            value = EventJson.mapper().writeValueAsBytes(feedback);
        } catch (JsonProcessingException e) {
            throw new PublishException("cannot write the correction as JSON: " + e.getOriginalMessage(), e);
        }
        byte[] key = feedback.mentionId() == null ? null : feedback.mentionId().getBytes(StandardCharsets.UTF_8);
        long timeout = config.loop().sendTimeout().toMillis();
        try {
            return producer().send(new ProducerRecord<>(TOPIC, key, value)).get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishException("Kafka did not take the correction: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing the correction", e);
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            long timeout = config.loop().sendTimeout().toMillis();
            Properties p = kafka.properties();
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "sentiment-service-feedback");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, timeout));
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(10_000, timeout));
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Kafka did not acknowledge the correction. */
    static final class PublishException extends Exception {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
