package dev.earshot.ingest.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The published markers are bounded by age: a feed that rotates its guids cannot grow the map forever. */
class PublishedStoreTest {

    static final Duration RETENTION = Duration.ofDays(30);

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static Mention mention(String guid) {
        return new Mention(Mention.SCHEMA_VERSION, MentionIds.id("rotating", guid, null, "t"),
                MentionIds.contentHash(null, "Northwind " + guid), new BrandRef("northwind", "Northwind Coffee"),
                new SourceRef("rotating", "feed", "https://x.example/feed"), null, null, "Northwind " + guid, null, null,
                null, Instant.parse("2026-11-01T00:00:00Z"), List.of("northwind"));
    }

    final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final Hands clock = new Hands();
    final PublishedStore store = new PublishedStore(new KafkaClients("unused:9092"),
            new AckedSender(producer, 1, Duration.ofMillis(1)), RETENTION, clock);
    final MentionPublisher publisher = new MentionPublisher(new AckedSender(producer, 1, Duration.ofMillis(1)), store,
            new SimpleMeterRegistry());

    @Test
    void markersOlderThanTheRetentionAreDroppedSoRotatingGuidsDoNotGrowTheMapForever() {
        for (int day = 0; day < 60; day++) {
            int d = day;
            publisher.publishNew(IntStream.range(0, 100).mapToObj(i -> mention("day-" + d + "-" + i)).toList());
            clock.now = clock.now.plus(Duration.ofDays(1));
        }
        assertTrue(store.size() <= 31 * 100, "about 30 days of markers kept, not 60: " + store.size());
        assertTrue(store.isNew(mention("day-0-0")), "a marker past the retention is forgotten");
        assertFalse(store.isNew(mention("day-59-0")), "a recent one is known");
    }

    @Test
    void aReviewStillSeenIsKeptKnownPastTheRetentionWithoutBeingPublishedAgain() {
        Mention staying = mention("stays-on-the-page");
        assertEquals(1, publisher.publishNew(List.of(staying)));
        for (int day = 0; day < 90; day++) {
            clock.now = clock.now.plus(Duration.ofDays(1));
            assertEquals(0, publisher.publishNew(List.of(staying, mention("churn-" + day))) - 1,
                    "day " + day + ": only the day's new review is published");
        }
        assertFalse(store.isNew(staying));
        long mentionsSent = producer.history().stream().map(ProducerRecord::topic).filter(Topics.MENTIONS::equals)
                .count();
        assertEquals(91, mentionsSent, "the review that stayed was published once");
    }
}
