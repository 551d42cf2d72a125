package dev.earshot.sentiment.messaging;

import dev.earshot.events.DeadLetterHeaders;
import dev.earshot.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the {@code mentions-dlq} record for a mention that cannot be scored or written: the
 * record as received (key and value bytes untouched), with why and where it came from in headers.
 * A value too large for a Kafka record is cut to {@link #MAX_VALUE_BYTES} and says so in
 * {@link #TRUNCATED_HEADER}: the whole record is still on {@code mentions} at the given offset.
 */
final class DeadLetters {

    /** Header naming why a record was dead-lettered (the same name SmallRye's own DLQ uses). */
    static final String REASON_HEADER = DeadLetterHeaders.REASON;
    static final String TOPIC_HEADER = DeadLetterHeaders.TOPIC;
    static final String PARTITION_HEADER = DeadLetterHeaders.PARTITION;
    static final String OFFSET_HEADER = DeadLetterHeaders.OFFSET;
    /** Present when the value was cut; the original value's length in bytes. */
    static final String TRUNCATED_HEADER = DeadLetterHeaders.TRUNCATED;
    /** Largest value kept whole; below Kafka's default 1 MiB request limit, with room for key and headers. */
    static final int MAX_VALUE_BYTES = 900 * 1024;

    private DeadLetters() {
    }

    static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> source, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, utf8(reason));
        headers.add(TOPIC_HEADER, utf8(source.topic()));
        headers.add(PARTITION_HEADER, utf8(String.valueOf(source.partition())));
        headers.add(OFFSET_HEADER, utf8(String.valueOf(source.offset())));
        byte[] value = source.value();
        if (value != null && value.length > MAX_VALUE_BYTES) {
            headers.add(TRUNCATED_HEADER, utf8(String.valueOf(value.length)));
            value = Arrays.copyOf(value, MAX_VALUE_BYTES);
        }
        return new ProducerRecord<>(Topics.MENTIONS_DLQ, null, source.key(), value, headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
