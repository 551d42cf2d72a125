package dev.earshot.ingest.poll;

import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.Topics;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.FixtureSiteResource;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A saved review feed, served over HTTP, polled into the real broker by the running service. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(FixtureSiteResource.class)
class FeedToKafkaTest {

    @Inject
    PollScheduler scheduler;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void publishesEachMentionOfTheBrandOnceAsPlainText() {
        // Publishing waits for Kafka's acks, so whatever a poll publishes is on the topic when it returns.
        scheduler.pollNow("citybites-feed");

        List<ConsumerRecord<String, String>> records = fromCityBites();
        assertEquals(2, records.size(), "the furious and the calm review of Northwind Coffee, nothing else");
        for (ConsumerRecord<String, String> r : records) {
            assertEquals("northwind", r.key());
            assertMatchesSchema(MENTION, r.value());
        }
        Mention furious = records.stream().map(r -> EventJson.read(r.value(), Mention.class))
                .filter(m -> m.title().contains("ruined")).findFirst().orElseThrow();
        assertEquals("Waited 40 minutes at Northwind Coffee & the latte was cold. The barista was rude when I "
                + "asked about it. Never again!", furious.text());
        assertFalse(furious.text().contains("<"), "markup from the feed is gone");
        assertEquals("Dana K.", furious.author());
        assertEquals("https://citybites.example/reviews/1001?utm_source=rss", furious.url());
        assertTrue(furious.matchedTerms().contains("northwind coffee"), furious.matchedTerms().toString());
        assertEquals("citybites-feed", furious.source().id());

        scheduler.pollNow("citybites-feed");
        assertEquals(2, fromCityBites().size(), "a second poll of the same feed publishes nothing");
    }

    private List<ConsumerRecord<String, String>> fromCityBites() {
        return BrokerIngest.readAll(kafka.getBootstrapServers(), Topics.MENTIONS).stream()
                .filter(r -> EventJson.read(r.value(), Mention.class).source().id().equals("citybites-feed")).toList();
    }
}
