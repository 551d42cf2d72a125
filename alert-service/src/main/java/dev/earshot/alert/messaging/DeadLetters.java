package dev.earshot.alert.messaging;

import dev.earshot.events.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * alert-service's dead letters: every record it cannot act on, whichever topic it read it from, goes to
 * {@code mentions-scored-dlq} as it arrived, with the headers of the contract (docs/events.md): why, and where
 * it was read.
 */
public final class DeadLetters {

    /** Header naming why a record went to the dead-letter topic. */
    public static final String REASON = DeadLetterHeaders.REASON;
    /** Headers naming where the record was read. */
    public static final String TOPIC = DeadLetterHeaders.TOPIC;
    public static final String PARTITION = DeadLetterHeaders.PARTITION;
    public static final String OFFSET = DeadLetterHeaders.OFFSET;

    private DeadLetters() {
    }

    /** The record's own headers plus why and where it was read (partition and offset when known, else -1). */
    public static Headers headers(Headers original, String reason, String topic, int partition, long offset) {
        RecordHeaders headers = original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        if (partition >= 0) {
            headers.add(PARTITION, String.valueOf(partition).getBytes(StandardCharsets.UTF_8));
        }
        if (offset >= 0) {
            headers.add(OFFSET, String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
