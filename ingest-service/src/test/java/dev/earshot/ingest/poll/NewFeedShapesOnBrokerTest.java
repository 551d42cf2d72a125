package dev.earshot.ingest.poll;

import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.Rating;
import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.HostileSite;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A JSON Feed, a YouTube channel feed and a sloppy RSS feed, served over HTTP and polled into the real broker. */
class NewFeedShapesOnBrokerTest {

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
    void theirMentionsArriveWithTextAuthorLinkDateAndRating() {
        String catalog = """
                brands:
                  - id: kestrel
                    name: Kestrel Bikes
                    terms: ["Kestrel"]
                  - id: marlow
                    name: Marlow Bakery
                    terms: ["Marlow Bakery"]
                sources:
                  - id: pedaltalk-json
                    kind: feed
                    url: "%s"
                  - id: kestrel-youtube
                    kind: feed
                    url: "%s"
                    brand: kestrel
                  - id: crumbs-sloppy
                    kind: feed
                    url: "%s"
                """.formatted(site.url("/files/feeds/jsonfeed-1.1.json"), site.url("/files/feeds/youtube-channel.xml"),
                site.url("/files/feeds/sloppy-markup.rss"));
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of("robots.enabled", "false"), "new-shapes")) {
            assertEquals(3, ingest.scheduler.pollNow("pedaltalk-json").orElseThrow().newMentions());
            assertEquals(2, ingest.scheduler.pollNow("kestrel-youtube").orElseThrow().newMentions());
            SourceStatus sloppy = ingest.scheduler.pollNow("crumbs-sloppy").orElseThrow();
            assertEquals("ok", sloppy.outcome(), String.valueOf(sloppy.lastError()));
            assertEquals(3, sloppy.newMentions());
        }
        List<ConsumerRecord<String, String>> records = BrokerIngest.readAll(broker, Topics.MENTIONS);
        records.forEach(r -> assertMatchesSchema(MENTION, r.value()));
        List<Mention> mentions = records.stream().map(r -> EventJson.read(r.value(), Mention.class)).toList();

        Mention warranty = only(mentions, "pedaltalk-json", "Kestrel Bikes warranty: denied");
        assertEquals("Jordan P.", warranty.author());
        assertEquals(site.url("/reviews/4410"), warranty.url(), "a relative url is resolved against where the feed was read");
        assertTrue(warranty.text().startsWith("Kestrel Bikes refused my warranty claim"), warranty.text());

        Mention video = only(mentions, "kestrel-youtube", "Aero 3 long-term review: the frame problem");
        assertEquals(new Rating(2.4, 5), video.rating());
        assertTrue(video.text().contains("the weld at the rear triangle cracked"), video.text());

        Mention stars = only(mentions, "crumbs-sloppy", "Five stars <!!! best croissant");
        assertEquals("marlow", stars.brand().id());
    }

    private static Mention only(List<Mention> mentions, String source, String title) {
        List<Mention> found = mentions.stream().filter(m -> m.source().id().equals(source) && title.equals(m.title()))
                .toList();
        assertEquals(1, found.size(), source + ": " + mentions.stream().map(Mention::title).toList());
        return found.get(0);
    }
}
