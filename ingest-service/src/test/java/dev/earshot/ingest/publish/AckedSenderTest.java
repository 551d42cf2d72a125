package dev.earshot.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What reaches Kafka when part of a batch is not acknowledged, or refused for good. */
class AckedSenderTest {

    /** Counts every send per key; fails the keys in {@code flaky} once each, and refuses {@code tooLarge} every time. */
    static final class PartlyFailingProducer extends MockProducer<String, byte[]> {
        final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        final Set<String> flaky = ConcurrentHashMap.newKeySet();
        final Set<String> tooLarge = ConcurrentHashMap.newKeySet();

        PartlyFailingProducer() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            sends.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
            if (tooLarge.contains(record.key())) {
                callback.onCompletion(null, new RecordTooLargeException("The message is 1200000 bytes when serialized"));
                return null;
            }
            if (flaky.remove(record.key())) {
                callback.onCompletion(null, new TimeoutException("Expiring 1 record(s): no ack from the broker"));
                return null;
            }
            return super.send(record, callback);
        }

        int sendsOf(String key) {
            AtomicInteger n = sends.get(key);
            return n == null ? 0 : n.get();
        }
    }

    private static List<ProducerRecord<String, byte[]>> records(String... keys) {
        return java.util.Arrays.stream(keys)
                .map(k -> new ProducerRecord<>("t", k, k.getBytes(StandardCharsets.UTF_8))).toList();
    }

    @Test
    void aPartlyFailedBatchResendsOnlyWhatKafkaDidNotAcknowledge() {
        PartlyFailingProducer producer = new PartlyFailingProducer();
        producer.flaky.add("b");
        new AckedSender(producer, 3, Duration.ofMillis(10)).sendAll(records("a", "b", "c"));

        assertEquals(1, producer.sendsOf("a"), "acknowledged the first time: not sent again");
        assertEquals(2, producer.sendsOf("b"), "not acknowledged: sent again");
        assertEquals(1, producer.sendsOf("c"), "acknowledged the first time: not sent again");
        assertEquals(List.of("a", "c", "b"), producer.history().stream().map(ProducerRecord::key).toList(),
                "each record is on Kafka once");
    }

    @Test
    void aRecordKafkaRefusesForGoodIsReportedWithItsReasonWhileTheOthersAreSent() {
        PartlyFailingProducer producer = new PartlyFailingProducer();
        producer.tooLarge.add("big");
        AckedSender sender = new AckedSender(producer, 3, Duration.ofMillis(10));

        List<AckedSender.Refused> refused = sender.send(records("a", "big", "c"));

        assertEquals(1, refused.size());
        assertEquals("big", refused.get(0).record().key());
        assertTrue(refused.get(0).reason().contains("1200000 bytes"), refused.get(0).reason());
        assertEquals(1, producer.sendsOf("big"), "a refusal that cannot change is not retried");
        assertEquals(List.of("a", "c"), producer.history().stream().map(ProducerRecord::key).toList());

        KafkaException e = assertThrows(KafkaException.class, () -> sender.sendAll(records("big")));
        assertTrue(e.getMessage().contains("1200000 bytes"), e.getMessage());
    }
}
