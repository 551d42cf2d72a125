package dev.earshot.ingest.poll;

import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.MONITOR_EVENT;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.Rating;
import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.HostileSite;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A json source from the catalog file, polled over HTTP into the real broker; one that answers HTML; one whose items
 * stop coming.
 */
class JsonSourceOnBrokerTest {

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

    @Test
    void appStoreReviewsArriveWithTheirStarsAndAnHtmlAnswerIsAnUnreadableSource() {
        String catalog = """
                brands:
                  - id: kestrel
                    name: Kestrel Bikes
                    terms: ["Kestrel"]
                sources:
                  - id: kestrel-ride-ios
                    kind: json
                    url: "%s"
                    brand: kestrel
                    json:
                      items: "$.feed.entry[*]"
                      text: "$.content.label"
                      title: "$.title.label"
                      author: "$.author.name.label"
                      link: "$.link.attributes.href"
                      date: "$.updated.label"
                      rating: "$['im:rating'].label"
                      ratingBest: "5"
                      id: "$.id.label"
                  - id: login-wall
                    kind: json
                    url: "%s"
                    json:
                      items: "$.hits[*]"
                      text: "$.comment_text"
                """.formatted(site.url("/files/json/appstore-customerreviews.json"),
                site.url("/files/pages/reviews-page-1.html"));
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of("robots.enabled", "false"), "json-source")) {
            assertEquals(2, ingest.scheduler.pollNow("kestrel-ride-ios").orElseThrow().newMentions());
            assertEquals(0, ingest.scheduler.pollNow("kestrel-ride-ios").orElseThrow().newMentions(), "never twice");
            SourceStatus wall = ingest.scheduler.pollNow("login-wall").orElseThrow();
            assertEquals("error", wall.outcome());
            assertEquals("unreadable", wall.errorKind());
            assertTrue(wall.lastError().startsWith("expected JSON, got text/html"), wall.lastError());
        }
        List<Mention> mentions = BrokerIngest.readAll(broker, Topics.MENTIONS).stream().peek(r -> assertMatchesSchema(MENTION,
                r.value())).map(r -> EventJson.read(r.value(), Mention.class))
                .filter(m -> m.source().id().equals("kestrel-ride-ios")).toList();
        assertEquals(2, mentions.size());
        Mention angry = mentions.stream().filter(m -> m.rating().value() == 1).findFirst().orElseThrow();
        assertEquals(new Rating(1, 5), angry.rating());
        assertEquals("Kestrel Ride app logs me out every day", angry.title());
        assertEquals("commuter_kat", angry.author());
        assertEquals("json", angry.source().kind());
        assertEquals("kestrel", angry.brand().id());
        assertTrue(angry.text().startsWith("Since 5.4 the Kestrel Ride app forgets my login"), angry.text());
    }

    @Test
    void aJsonSourceThatHadItemsAndAnswersWithNoneIsSilentInMonitorsThenRecovers() {
        String path = "/us/rss/customerreviews/page=1/id=1600000001/sortby=mostrecent/json";
        site.route(path, "/json/appstore-customerreviews.json");
        String catalog = """
                brands:
                  - id: kestrel
                    name: Kestrel Bikes
                    terms: ["Kestrel"]
                sources:
                  - id: kestrel-quiet-ios
                    kind: json
                    url: "%s"
                    brand: kestrel
                    json: {items: "$.feed.entry[*]", text: "$.content.label", id: "$.id.label"}
                """.formatted(site.url(path));
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of("robots.enabled", "false"), "json-silent")) {
            assertEquals(2, ingest.scheduler.pollNow("kestrel-quiet-ios").orElseThrow().items());
            site.route(path, "/json/appstore-customerreviews-none.json"); // 200, the feed without its entries
            SourceStatus silent = ingest.scheduler.pollNow("kestrel-quiet-ios").orElseThrow();
            assertEquals("ok", silent.outcome(), "the API answers fine; only its items are gone");
            assertEquals("silent", silent.health());
            assertEquals("silent", ingest.scheduler.pollNow("kestrel-quiet-ios").orElseThrow().health());
            site.route(path, "/json/appstore-customerreviews.json");
            assertEquals("ok", ingest.scheduler.pollNow("kestrel-quiet-ios").orElseThrow().health());
        }
        List<MonitorEvent> events = BrokerIngest.readAll(broker, Topics.MONITORS).stream()
                .filter(r -> r.key().equals("kestrel-quiet-ios")).peek(r -> assertMatchesSchema(MONITOR_EVENT, r.value()))
                .map(r -> EventJson.read(r.value(), MonitorEvent.class)).toList();
        assertEquals(List.of(MonitorEvent.Status.SILENT, MonitorEvent.Status.RECOVERED),
                events.stream().map(MonitorEvent::status).toList(), "each raised once");
        assertEquals("the json answers, but its items path $.feed.entry[*] finds no item any more (2 before)",
                events.get(0).lastError());
    }
}
