package dev.earshot.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** What happens to a record Kafka refuses as too large: the input goes to the DLQ, the stream resumes. */
class TooLargeRecordHandlerTest {

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final TooLargeRecordHandler handler = new TooLargeRecordHandler();
    final MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    final byte[] input = "{\"a scored mention\":true}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTooLargeRecordSendsItsInputToTheDeadLetterTopicAndResumes() {
        handler.configure(Map.of(TooLargeRecordHandler.METER_REGISTRY, metrics,
                TooLargeRecordHandler.DEAD_LETTER_PRODUCER, dlq));
        ProducerRecord<byte[], byte[]> refused = new ProducerRecord<>(Topics.ALERTS, "incident".getBytes(),
                new byte[10]);
        ProductionExceptionHandlerResponse response = handler.handle(context(), refused,
                new RecordTooLargeException("The message is 1191789 bytes"));

        assertEquals(ProductionExceptionHandlerResponse.CONTINUE, response);
        assertEquals(1, dlq.history().size());
        ProducerRecord<byte[], byte[]> dead = dlq.history().get(0);
        assertEquals(Topics.MENTIONS_SCORED_DLQ, dead.topic());
        assertArrayEquals(input, dead.value(), "the input record as it arrived");
        String reason = new String(dead.headers().lastHeader(DeadLetters.REASON).value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("alerts") && reason.contains("1191789 bytes"), reason);
        assertEquals(1.0, metrics.counter("earshot.alerts.records.too.large", "topic", Topics.ALERTS).count());
    }

    @Test
    void aTooLargeRecordATimerWroteIsCountedAndSkippedSinceNoInputLedToIt() {
        // Coalesced revisions, held-back updates and digests are written by wall-clock timers: no input record.
        handler.configure(Map.of(TooLargeRecordHandler.METER_REGISTRY, metrics,
                TooLargeRecordHandler.DEAD_LETTER_PRODUCER, dlq));
        ProductionExceptionHandlerResponse response = handler.handle(context(null, null),
                new ProducerRecord<>(Topics.ALERTS, "incident".getBytes(), new byte[10]),
                new RecordTooLargeException("The message is 1191789 bytes"));
        assertEquals(ProductionExceptionHandlerResponse.CONTINUE, response, "the stream goes on");
        assertEquals(0, dlq.history().size(), "there is no input to dead-letter");
        assertEquals(1.0, metrics.counter("earshot.alerts.records.too.large", "topic", Topics.ALERTS).count());
    }

    @Test
    void anyOtherSendErrorStillFails() {
        handler.configure(Map.of(TooLargeRecordHandler.DEAD_LETTER_PRODUCER, dlq));
        ProductionExceptionHandlerResponse response = handler.handle(context(),
                new ProducerRecord<>(Topics.ALERTS, new byte[1]), new TimeoutException("broker gone"));
        assertEquals(ProductionExceptionHandlerResponse.FAIL, response);
        assertEquals(0, dlq.history().size());
    }

    @Test
    void threeThreadFailuresWithinTenMinutesAreACrashLoopAndOldOnesAreForgotten() {
        ThreadFailures failures = new ThreadFailures();
        failures.failed(0);
        failures.failed(1_000);
        assertEquals(false, failures.looping(2_000), "one or two failures are recovered by a new thread");
        failures.failed(2_000);
        assertEquals(true, failures.looping(3_000));
        assertEquals(false, failures.looping(ThreadFailures.WINDOW_MS + 1_000), "quiet for ten minutes: live again");
    }

    private ErrorHandlerContext context() {
        return context(Topics.MENTIONS_SCORED, input);
    }

    private ErrorHandlerContext context(String topic, byte[] value) {
        return new ErrorHandlerContext() {
            public String topic() { return topic; }
            public int partition() { return 1; }
            public long offset() { return 3; }
            public Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "incidents"; }
            public TaskId taskId() { return new TaskId(0, 1); }
            public long timestamp() { return 0; }
            public byte[] sourceRawKey() { return "bigco".getBytes(StandardCharsets.UTF_8); }
            public byte[] sourceRawValue() { return value; }
        };
    }
}
