package dev.earshot.events;

/**
 * The headers every service puts on a dead letter (a record it could not act on, sent as received to its
 * {@code *-dlq} topic), in one place: operators' tools read them by these names (docs/events.md).
 */
public final class DeadLetterHeaders {

    /** Why, in words. */
    public static final String REASON = "dead-letter-reason";
    /** Where it was read: topic, partition and offset. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** The output topic that refused the result as too large. */
    public static final String REFUSED_TOPIC = "dead-letter-refused-topic";
    /** The original length in bytes, when a value over 900 KiB was cut to fit the DLQ. */
    public static final String TRUNCATED = "dead-letter-truncated";

    private DeadLetterHeaders() {
    }
}
