package dev.earshot.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.BrandRef;
import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.SourceRef;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A publish Kafka does not acknowledge is retried, and if it still fails nothing is remembered as published. */
class MentionPublisherTest {

    private final Mention mention = new Mention(Mention.SCHEMA_VERSION, MentionIds.id("feed", "g-1", null, "t"),
            MentionIds.contentHash("Cold", "Cold coffee"), new BrandRef("northwind", "Northwind Coffee"),
            new SourceRef("feed", "feed", "https://x.example/feed"), null, "Cold", "Cold coffee", null, null, null,
            Instant.parse("2026-11-22T09:00:00Z"), List.of("northwind"));

    /** Refuses the first {@code failures} sends the way a producer does when the cluster does not answer. */
    static final class FlakyProducer extends MockProducer<String, byte[]> {
        final AtomicInteger attempts = new AtomicInteger();
        volatile int failures;

        FlakyProducer(int failures) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.failures = failures;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (attempts.incrementAndGet() <= failures) {
                callback.onCompletion(null, new TimeoutException("Expiring 1 record(s): no ack from the broker"));
                return null;
            }
            return super.send(record, callback);
        }
    }

    @Test
    void unacknowledgedPublishIsRetriedThenSucceeds() {
        FlakyProducer producer = new FlakyProducer(2);
        AckedSender sender = new AckedSender(producer, 3, Duration.ofMillis(10));
        PublishedStore store = new PublishedStore(new KafkaClients("unused:9092"), sender, Duration.ofDays(30), Clock.systemUTC());
        MentionPublisher publisher = new MentionPublisher(sender, store, new SimpleMeterRegistry());

        assertEquals(1, publisher.publishNew(List.of(mention)));
        assertEquals(List.of(Topics.MENTIONS, PublishedStore.TOPIC),
                producer.history().stream().map(ProducerRecord::topic).toList(), "the mention first, then its marker");
        assertEquals(0, publisher.publishNew(List.of(mention)), "published once");
    }

    @Test
    void publishKafkaNeverAcknowledgedIsNotRememberedSoTheNextPollRetries() {
        FlakyProducer producer = new FlakyProducer(Integer.MAX_VALUE);
        AckedSender sender = new AckedSender(producer, 3, Duration.ofMillis(10));
        PublishedStore store = new PublishedStore(new KafkaClients("unused:9092"), sender, Duration.ofDays(30), Clock.systemUTC());
        MentionPublisher publisher = new MentionPublisher(sender, store, new SimpleMeterRegistry());

        RuntimeException e = assertThrows(RuntimeException.class, () -> publisher.publishNew(List.of(mention)));
        assertTrue(e.getMessage().contains("no ack from the broker"), e.getMessage());
        assertEquals(3, producer.attempts.get(), "tried three times");
        assertTrue(store.isNew(mention), "not recorded as published");

        producer.failures = 0;
        assertEquals(1, publisher.publishNew(List.of(mention)), "Kafka is back: the next poll publishes it");
    }

    @Test
    void aMentionWhoseIdsBreakTheContractIsRefusedAndCountedWhileTheOthersArePublished() {
        FlakyProducer producer = new FlakyProducer(0);
        AckedSender sender = new AckedSender(producer, 3, Duration.ofMillis(10));
        PublishedStore store = new PublishedStore(new KafkaClients("unused:9092"), sender, Duration.ofDays(30), Clock.systemUTC());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MentionPublisher publisher = new MentionPublisher(sender, store, registry);
        Mention badBrand = new Mention(Mention.SCHEMA_VERSION, MentionIds.id("feed", "g-2", null, "t"),
                MentionIds.contentHash("Cold", "Cold again"), new BrandRef("north\r\nwind", "Northwind Coffee"),
                new SourceRef("feed", "feed", "https://x.example/feed"), null, "Cold", "Cold again", null, null, null,
                Instant.parse("2026-11-22T09:00:00Z"), List.of("northwind"));

        MentionPublisher.Outcome outcome = publisher.publish(List.of(badBrand, mention));
        assertEquals(1, outcome.published(), "the good one is on Kafka");
        assertTrue(outcome.refused().get(badBrand).contains("brand.id"), outcome.refused().toString());
        assertEquals(1.0, registry.counter("earshot.ingest.mentions.refused", "source", "feed", "reason", "invalid").count());
        assertEquals(List.of(Topics.MENTIONS, PublishedStore.TOPIC),
                producer.history().stream().map(ProducerRecord::topic).toList(), "only the good mention and its marker");
    }
}
