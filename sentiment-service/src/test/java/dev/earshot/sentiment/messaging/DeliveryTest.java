package dev.earshot.sentiment.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Label;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** What a round of sends does when Kafka answers some records with an error. */
class DeliveryTest {

    static final TopicPartition P0 = new TopicPartition(Topics.MENTIONS, 0);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final FailingProducer producer = new FailingProducer();

    @Test
    void onlyWhatKafkaDidNotAcknowledgeIsSentAgainAndTheOffsetWaitsForIt() {
        producer.timeOutOnce.add("b");
        Delivery delivery = new Delivery(List.of(scored(0, "a"), scored(1, "b"), scored(2, "c")), new ScoringMetrics(registry));

        assertEquals(2, delivery.round(producer));
        assertEquals(1, delivery.pending());
        assertEquals(Map.of(), delivery.committable(Set.of(P0)), "not committed while one record is unacknowledged");

        assertEquals(1, delivery.round(producer));
        assertEquals(0, delivery.pending());
        assertEquals(List.of("a", "c", "b"), producer.acknowledged(), "a and c were not sent twice");
        assertEquals(Map.of(P0, new OffsetAndMetadata(3)), delivery.committable(Set.of(P0)));
        assertEquals(3.0, registry.find("earshot.sentiment.mentions.scored").counter().count());
    }

    @Test
    void aRecordKafkaCanNeverTakeGoesToTheDlqWithItsReasonAndTheOthersFlow() {
        producer.tooLarge.add("big");
        Delivery delivery = new Delivery(List.of(scored(0, "big"), scored(1, "fine")), new ScoringMetrics(registry));

        delivery.round(producer);
        delivery.round(producer);

        assertEquals(0, delivery.pending());
        ProducerRecord<byte[], byte[]> dead = producer.history().stream()
                .filter(r -> r.topic().equals(Topics.MENTIONS_DLQ)).findFirst().orElseThrow();
        assertEquals("mention big", new String(dead.value(), StandardCharsets.UTF_8), "the record as received");
        String reason = new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("cannot write to mentions-scored") && reason.contains("RecordTooLarge"), reason);
        assertEquals("0", new String(dead.headers().lastHeader(DeadLetters.OFFSET_HEADER).value(), StandardCharsets.UTF_8));
        assertEquals(Map.of(P0, new OffsetAndMetadata(2)), delivery.committable(Set.of(P0)));
        assertEquals(1.0, registry.find("earshot.sentiment.mentions.dead.lettered").counter().count());
    }

    @Test
    void revokedPartitionsAreNeitherResentNorCommitted() {
        producer.timeOutOnce.add("a");
        Delivery delivery = new Delivery(List.of(scored(0, "a")), new ScoringMetrics(registry));
        delivery.round(producer);

        delivery.drop(List.of(P0));

        assertEquals(0, delivery.pending());
        assertEquals(Map.of(), delivery.committable(Set.of(P0)), "the new owner scores it again");
    }

    static Outgoing scored(long offset, String name) {
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>(Topics.MENTIONS, 0, offset,
                "northwind".getBytes(StandardCharsets.UTF_8), ("mention " + name).getBytes(StandardCharsets.UTF_8));
        return new Outgoing(source, new ProducerRecord<>(Topics.MENTIONS_SCORED, source.key(),
                name.getBytes(StandardCharsets.UTF_8)), "northwind", Label.NEGATIVE, null);
    }

    /** Kafka's mock producer, answering chosen values with a timeout (once) or a too-large error. */
    static final class FailingProducer extends MockProducer<byte[], byte[]> {
        final Set<String> timeOutOnce = new HashSet<>();
        final Set<String> tooLarge = new HashSet<>();
        private final List<String> acknowledged = new ArrayList<>();

        FailingProducer() {
            super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (tooLarge.contains(value)) {
                throw new RecordTooLargeException("The message is 1200000 bytes when serialized");
            }
            if (timeOutOnce.remove(value)) {
                callback.onCompletion(null, new TimeoutException("expired before it was acknowledged"));
                return CompletableFuture.failedFuture(new TimeoutException("expired"));
            }
            return super.send(record, (meta, error) -> {
                if (error == null && record.topic().equals(Topics.MENTIONS_SCORED)) {
                    acknowledged.add(value);
                }
                callback.onCompletion(meta, error);
            });
        }

        List<String> acknowledged() {
            return acknowledged;
        }
    }
}
