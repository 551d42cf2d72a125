package dev.earshot.ingest.poll;

import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.events.CatalogSource;
import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.Rating;
import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.preset.Presets;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.HostileSite;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sources made by presets, polled over HTTP into the real broker: one named in the catalog file, and the App Store
 * preset's json source with its mapping; the mentions carry what each preset maps.
 */
class PresetSourcesOnBrokerTest {

    private static final String BRANDS = """
            brands:
              - id: kestrel
                name: Kestrel Bikes
                terms: ["Kestrel"]
            """;

    static EmbeddedKafkaBroker broker;
    static HostileSite site;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(2, Topics.MENTIONS, Topics.MONITORS);
        site = new HostileSite();
    }

    @AfterAll
    static void stop() {
        site.close();
        broker.close();
    }

    private static List<Mention> mentionsOf(String sourceId) {
        return BrokerIngest.readAll(broker, Topics.MENTIONS).stream().peek(r -> assertMatchesSchema(MENTION, r.value()))
                .map(r -> EventJson.read(r.value(), Mention.class)).filter(m -> m.source().id().equals(sourceId)).toList();
    }

    @Test
    void aPresetNamedInTheCatalogFileIsStoredExpandedAndItsReviewsArrive() {
        String page = site.url("/files/pages/trustpilot-reviews.html");
        String catalog = BRANDS + """
                sources:
                  - preset: review-page
                    parameter: "%s"
                    id: kestrel-reviews
                    brand: kestrel
                """.formatted(page);
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of("robots.enabled", "false"), "preset-file")) {
            assertEquals(2, ingest.scheduler.pollNow("kestrel-reviews").orElseThrow().newMentions());
        }
        ConsumerRecord<String, String> stored = BrokerIngest.readAll(broker, Topics.CATALOG).stream()
                .filter(r -> r.key().equals("source:kestrel-reviews")).reduce((a, b) -> b).orElseThrow();
        CatalogSource source = EventJson.read(stored.value(), CatalogSource.class);
        assertEquals("page", source.kind());
        assertEquals(page, source.url());
        assertFalse(stored.value().contains("preset"), "the topic holds the expanded source: " + stored.value());

        List<Mention> mentions = mentionsOf("kestrel-reviews");
        assertEquals(2, mentions.size());
        Mention warranty = mentions.stream().filter(m -> m.rating().value() == 1).findFirst().orElseThrow();
        assertEquals("Warranty claim ignored for six weeks", warranty.title());
        assertEquals("Cracked frame after 800 km. Kestrel Bikes asked for photos twice & then stopped answering.",
                warranty.text());
        assertEquals("Jonas W.", warranty.author());
        assertEquals("https://www.trustpilot.com/reviews/6750f1c2a9e3b00c1d2e3f41", warranty.url());
        assertEquals(Instant.parse("2026-11-28T14:03:51Z"), warranty.publishedAt());
        assertEquals(new Rating(1, 5), warranty.rating());
        assertEquals("page", warranty.source().kind());
        assertEquals("kestrel", warranty.brand().id());
    }

    @Test
    void theAppStorePresetsJsonSourceGivesTextAuthorLinkDateAndStars() {
        ObjectNode made = Presets.entry("app-store", "us/1600000000", "kestrel-ride-ios", "kestrel");
        // The preset's own source, served here instead of by Apple (a test cannot answer for https://itunes.apple.com);
        // one page, since the saved answer's next link is Apple's.
        String path = made.get("url").asText().replace("https://itunes.apple.com", "");
        site.route(path, "/json/appstore-customerreviews.json");
        made.put("url", site.url(path)).put("maxPages", 1);
        String catalog = BRANDS + "sources:\n  - " + made + "\n";
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of("robots.enabled", "false"), "preset-json")) {
            assertEquals(2, ingest.scheduler.pollNow("kestrel-ride-ios").orElseThrow().newMentions());
        }
        List<Mention> mentions = mentionsOf("kestrel-ride-ios");
        assertEquals(2, mentions.size());
        Mention angry = mentions.stream().filter(m -> m.rating().value() == 1).findFirst().orElseThrow();
        assertEquals("Since 5.4 the Kestrel Ride app forgets my login every morning and the ride history is gone. Fix it.",
                angry.text());
        assertEquals("Kestrel Ride app logs me out every day", angry.title());
        assertEquals("commuter_kat", angry.author());
        assertEquals("https://itunes.apple.com/us/review?id=1600000000&type=Purple%20Software", angry.url());
        assertEquals(Instant.parse("2026-11-30T14:12:44Z"), angry.publishedAt(), "2026-11-30T07:12:44-07:00");
        assertEquals(new Rating(1, 5), angry.rating());
        assertEquals("json", angry.source().kind());
        assertEquals("kestrel", angry.brand().id());
        Mention happy = mentions.stream().filter(m -> m.rating().value() == 4).findFirst().orElseThrow();
        assertEquals("Dev in Leeds", happy.author());
        assertEquals(angry.url(), happy.url(), "Apple links both reviews to the app's review page");
        assertFalse(angry.id().equals(happy.id()), "each review is its own mention, by its own id");
    }
}
