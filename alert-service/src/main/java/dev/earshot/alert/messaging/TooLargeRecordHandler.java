package dev.earshot.alert.messaging;

import dev.earshot.events.DeadLetterHeaders;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * A record Kafka refuses as too large must not stop the stream: without this, the stream thread dies
 * on it, is replaced, and replays the same input forever. The input record that led to it goes to
 * {@code mentions-scored-dlq} with the reason, a metric counts it, and processing resumes. Incidents
 * carry bounded excerpts, so this is a last line of defence; any other send error still fails.
 *
 * <p>Kafka Streams 4.1 cannot hand a dead letter back from the handler, so the handler sends it itself, with a
 * producer built from the stream's own connection settings, and waits for the broker before the stream resumes.
 */
public final class TooLargeRecordHandler implements ProductionExceptionHandler {

    /** Config key for the meter registry (tests); without it the application's registry is used. */
    static final String METER_REGISTRY = "earshot.meter-registry";
    /** Config key for a producer to write dead letters with (tests); without it one is built on first use. */
    static final String DEAD_LETTER_PRODUCER = "earshot.dead-letter-producer";
    /** Header naming the topic the refused record was meant for. */
    public static final String REFUSED_TOPIC = DeadLetterHeaders.REFUSED_TOPIC;

    private MeterRegistry metrics;
    private final Map<String, Object> producerConfig = new HashMap<>();
    private Producer<byte[], byte[]> deadLetterProducer;

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(METER_REGISTRY) instanceof MeterRegistry registry) {
            metrics = registry;
        } else {
            // Configured by class name from kafka-streams.* settings: the application's registry comes from CDI.
            ArcContainer container = Arc.container();
            metrics = container != null && container.instance(MeterRegistry.class).isAvailable()
                    ? container.instance(MeterRegistry.class).get() : Metrics.globalRegistry;
        }
        if (configs.get(DEAD_LETTER_PRODUCER) instanceof Producer<?, ?> producer) {
            @SuppressWarnings("unchecked")
            Producer<byte[], byte[]> bytes = (Producer<byte[], byte[]>) producer;
            deadLetterProducer = bytes;
        }
        configs.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) && value != null) {
                producerConfig.put(key, value);
            }
        });
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return ProductionExceptionHandlerResponse.FAIL;
        }
        String reason = "a record for " + record.topic() + " was refused by Kafka: " + exception.getMessage();
        metrics.counter("earshot.alerts.records.too.large", "topic", record.topic()).increment();
        if (context.topic() == null) {
            // Written by a wall-clock timer (a coalesced revision, a held-back update, a digest): no input led to
            // it, so there is nothing to dead-letter; failing would only refuse it again after the restart.
            Log.errorf("%s (written by a timer, no input record: skipped)", reason);
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
        metrics.counter("earshot.alerts.dead.letters", "topic", context.topic()).increment();
        Log.errorf("%s (input %s-%d@%d goes to %s)", reason, context.topic(), context.partition(), context.offset(),
                Topics.MENTIONS_SCORED_DLQ);
        try {
            producer().send(deadLetter(context, record, reason)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Without its dead letter the input would be lost: fail, so the record is read again.
            Log.errorf(e, "could not write the dead letter for %s-%d@%d", context.topic(), context.partition(),
                    context.offset());
            return ProductionExceptionHandlerResponse.FAIL;
        }
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (deadLetterProducer == null) {
            Map<String, Object> config = new HashMap<>(producerConfig);
            config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "alert-service-dead-letters");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            deadLetterProducer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return deadLetterProducer;
    }

    /** The input record as it arrived (what an operator can replay), not the refused output. */
    static ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> refused,
            String reason) {
        Headers headers = DeadLetters.headers(null, reason, context.topic(), context.partition(), context.offset());
        headers.add(REFUSED_TOPIC, refused.topic().getBytes(StandardCharsets.UTF_8));
        byte[] key = context.sourceRawKey() != null ? context.sourceRawKey() : refused.key();
        return new ProducerRecord<>(Topics.MENTIONS_SCORED_DLQ, null, key, context.sourceRawValue(), headers);
    }
}
