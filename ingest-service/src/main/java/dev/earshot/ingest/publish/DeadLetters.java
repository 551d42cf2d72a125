package dev.earshot.ingest.publish;

import dev.earshot.events.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter record for a record ingest cannot act on, with the project's dead-letter headers
 * (docs/events.md, "Dead letters"): the key and value as read, why, and where it was read. A value too
 * large for one Kafka record is cut to {@link #MAX_VALUE_BYTES} and says so in {@link #TRUNCATED_HEADER}.
 */
public final class DeadLetters {

    public static final String REASON_HEADER = DeadLetterHeaders.REASON;
    public static final String TOPIC_HEADER = DeadLetterHeaders.TOPIC;
    public static final String PARTITION_HEADER = DeadLetterHeaders.PARTITION;
    public static final String OFFSET_HEADER = DeadLetterHeaders.OFFSET;
    /** Present when the value was cut; the original value's length in bytes. */
    public static final String TRUNCATED_HEADER = DeadLetterHeaders.TRUNCATED;
    /** Largest value kept whole; below Kafka's default 1 MiB request limit, with room for key and headers. */
    static final int MAX_VALUE_BYTES = 900 * 1024;

    private DeadLetters() {
    }

    /** The value is re-encoded as UTF-8: ingest reads its state topics as strings. */
    public static ProducerRecord<String, byte[]> of(String dlqTopic, ConsumerRecord<String, String> source, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, utf8(reason));
        headers.add(TOPIC_HEADER, utf8(source.topic()));
        headers.add(PARTITION_HEADER, utf8(String.valueOf(source.partition())));
        headers.add(OFFSET_HEADER, utf8(String.valueOf(source.offset())));
        byte[] value = source.value() == null ? null : utf8(source.value());
        if (value != null && value.length > MAX_VALUE_BYTES) {
            headers.add(TRUNCATED_HEADER, utf8(String.valueOf(value.length)));
            value = Arrays.copyOf(value, MAX_VALUE_BYTES);
        }
        return new ProducerRecord<>(dlqTopic, null, source.key(), value, headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
