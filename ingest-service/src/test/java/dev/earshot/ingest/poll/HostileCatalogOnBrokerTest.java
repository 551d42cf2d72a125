package dev.earshot.ingest.poll;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.source.CatalogStore;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.HostileSite;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records on the catalog topic that nobody made through the API — anyone who can write to the topic
 * can write these — are bad input: each is dead-lettered with its reason, counted and skipped, and
 * every good source keeps being polled and published.
 */
class HostileCatalogOnBrokerTest {

    static EmbeddedKafkaBroker broker;
    static HostileSite site;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(2, Topics.MENTIONS, Topics.MONITORS);
        broker.createTopics(1, CatalogStore.TOPIC);
        site = new HostileSite();
    }

    @AfterAll
    static void stop() {
        site.close();
        broker.close();
    }

    @Test
    void catalogRecordsWithoutIdOrWithABadIdOrNotJsonAreDeadLetteredAndEveryGoodSourceKeepsPolling() throws Exception {
        try (KafkaProducer<String, String> plain = plainProducer()) {
            plain.send(new ProducerRecord<>(CatalogStore.TOPIC, "source:no-id",
                    "{\"kind\":\"feed\",\"url\":\"" + site.url("/s/801/feeds/coffee-reviews.rss") + "\"}")).get();
            plain.send(new ProducerRecord<>(CatalogStore.TOPIC, "source:crlf",
                    "{\"id\":\"crlf\\r\\nBcc: x@evil.example\",\"kind\":\"feed\",\"url\":\"http://127.0.0.1/\"}")).get();
            plain.send(new ProducerRecord<>(CatalogStore.TOPIC, "brand:garbled", "{this is not json")).get();
        }
        String catalog = """
                brands:
                  - id: northwind
                    name: Northwind Coffee
                    terms: ["Northwind"]
                sources:
                  - id: good-feed
                    kind: feed
                    url: %s
                """.formatted(site.url("/s/800/feeds/coffee-reviews.rss"));
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of(), "hostile-catalog");
                KafkaProducer<String, String> plain = plainProducer()) {
            assertEquals(List.of("good-feed"), ingest.catalog.current().sources().stream().map(s -> s.id()).toList(),
                    "no bad record became a source");
            await().atMost(Duration.ofSeconds(30)).until(() -> owns(ingest, "good-feed"));
            ingest.scheduler.tick();
            await().atMost(Duration.ofSeconds(30)).until(() -> mentionsOf("good-feed").size() == 3);

            // Written while the replica runs: skipped too, and a good record after it still applies and is polled.
            plain.send(new ProducerRecord<>(CatalogStore.TOPIC, "source:late-bad", "{\"id\":\"other-id\",\"kind\":\"feed\","
                    + "\"url\":\"" + site.url("/s/802/feeds/coffee-reviews.rss") + "\"}")).get();
            plain.send(new ProducerRecord<>(CatalogStore.TOPIC, "source:late-good", "{\"id\":\"late-good\",\"kind\":\"feed\","
                    + "\"url\":\"" + site.url("/s/803/feeds/coffee-reviews.rss") + "\"}")).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> ingest.catalog.current().source("late-good").isPresent()
                    && owns(ingest, "late-good"));
            ingest.scheduler.tick();
            await().atMost(Duration.ofSeconds(30)).until(() -> mentionsOf("late-good").size() == 3);

            assertEquals(0, site.hits("/s/801/feeds/coffee-reviews.rss") + site.hits("/s/802/feeds/coffee-reviews.rss"),
                    "no bad record was polled");
            assertEquals(4.0, ingest.registry().find("earshot.ingest.catalog.refused").counters().stream()
                    .mapToDouble(c -> c.count()).sum(), "each bad record is counted");
        }
        List<ConsumerRecord<String, String>> dead = BrokerIngest.readAll(broker, CatalogStore.DLQ_TOPIC);
        assertEquals(List.of("source:no-id", "source:crlf", "brand:garbled", "source:late-bad"),
                dead.stream().map(ConsumerRecord::key).toList());
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("id: missing"), header(dead.get(0), "dead-letter-reason"));
        assertTrue(header(dead.get(1), "dead-letter-reason").contains("must be 1-64 letters"), header(dead.get(1), "dead-letter-reason"));
        assertTrue(header(dead.get(2), "dead-letter-reason").startsWith("not JSON:"), header(dead.get(2), "dead-letter-reason"));
        assertTrue(header(dead.get(3), "dead-letter-reason").contains("'other-id'"), header(dead.get(3), "dead-letter-reason"));
        assertEquals("{this is not json", dead.get(2).value(), "the record as received");
        assertEquals(CatalogStore.TOPIC, header(dead.get(2), "dead-letter-topic"));
        assertEquals("0", header(dead.get(2), "dead-letter-partition"));
        assertEquals("2", header(dead.get(2), "dead-letter-offset"));
    }

    private static boolean owns(Ingest ingest, String sourceId) {
        return ingest.ownership.owns(sourceId);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> plainProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static List<Mention> mentionsOf(String sourceId) {
        return BrokerIngest.readAll(broker, Topics.MENTIONS).stream().map(r -> EventJson.read(r.value(), Mention.class))
                .filter(m -> m.source().id().equals(sourceId)).toList();
    }
}
