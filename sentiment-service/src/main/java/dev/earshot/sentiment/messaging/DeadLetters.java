package dev.earshot.sentiment.messaging;

import dev.earshot.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the {@code mentions-dlq} record for a mention that cannot be scored or written: the
 * record as received (key and value bytes untouched), with why and where it came from in headers.
 */
final class DeadLetters {

    /** Header naming why a record was dead-lettered (the same name SmallRye's own DLQ uses). */
    static final String REASON_HEADER = "dead-letter-reason";
    static final String TOPIC_HEADER = "dead-letter-topic";
    static final String PARTITION_HEADER = "dead-letter-partition";
    static final String OFFSET_HEADER = "dead-letter-offset";

    private DeadLetters() {
    }

    static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> source, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, utf8(reason));
        headers.add(TOPIC_HEADER, utf8(source.topic()));
        headers.add(PARTITION_HEADER, utf8(String.valueOf(source.partition())));
        headers.add(OFFSET_HEADER, utf8(String.valueOf(source.offset())));
        return new ProducerRecord<>(Topics.MENTIONS_DLQ, null, source.key(), source.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
