package dev.earshot.sentiment.messaging;

import dev.earshot.events.Label;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What one {@code mentions} record became: its scored record (with the brand and label the
 * metrics count once Kafka acknowledged it), or its dead letter (brand and label null).
 * {@code unscored} is the language of a mention left {@code unknown} because it is not in a
 * language the scorer reads (null otherwise), so that it is counted, not silently dropped.
 */
record Outgoing(ConsumerRecord<byte[], byte[]> source, ProducerRecord<byte[], byte[]> record, String brand, Label label,
        String unscored) {

    static Outgoing deadLetter(ConsumerRecord<byte[], byte[]> source, String reason) {
        return new Outgoing(source, DeadLetters.of(source, reason), null, null, null);
    }

    boolean isDeadLetter() {
        return brand == null;
    }
}
