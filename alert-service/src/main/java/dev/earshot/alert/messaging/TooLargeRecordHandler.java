package dev.earshot.alert.messaging;

import dev.earshot.events.DeadLetterHeaders;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * A record Kafka refuses as too large must not stop the stream: without this, the stream thread dies
 * on it, is replaced, and replays the same input forever. The input record that led to it goes to
 * {@code mentions-scored-dlq} with the reason, a metric counts it, and processing resumes. Incidents
 * carry bounded excerpts, so this is a last line of defence; any other send error still fails.
 */
public final class TooLargeRecordHandler implements ProductionExceptionHandler {

    /** Config key under which {@link StreamsRuntime} hands over the meter registry. */
    static final String METER_REGISTRY = "earshot.meter-registry";
    /** Header naming the topic the refused record was meant for. */
    public static final String REFUSED_TOPIC = DeadLetterHeaders.REFUSED_TOPIC;

    private MeterRegistry metrics = Metrics.globalRegistry;

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(METER_REGISTRY) instanceof MeterRegistry registry) {
            metrics = registry;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return Response.fail();
        }
        String reason = "a record for " + record.topic() + " was refused by Kafka: " + exception.getMessage();
        metrics.counter("earshot.alerts.records.too.large", "topic", record.topic()).increment();
        metrics.counter("earshot.alerts.dead.letters", "topic", context.topic()).increment();
        Log.errorf("%s (input %s-%d@%d goes to %s)", reason, context.topic(), context.partition(), context.offset(),
                Topics.MENTIONS_SCORED_DLQ);
        return Response.resume(List.of(deadLetter(context, record, reason)));
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
