package dev.earshot.sentiment.messaging;

import dev.earshot.events.Label;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What one {@code mentions} record became: its scored record (with the brand and label the
 * metrics count once Kafka acknowledged it), or its dead letter (brand and label null).
 */
record Outgoing(ConsumerRecord<byte[], byte[]> source, ProducerRecord<byte[], byte[]> record, String brand, Label label) {

    static Outgoing deadLetter(ConsumerRecord<byte[], byte[]> source, String reason) {
        return new Outgoing(source, DeadLetters.of(source, reason), null, null);
    }

    boolean isDeadLetter() {
        return brand == null;
    }
}
