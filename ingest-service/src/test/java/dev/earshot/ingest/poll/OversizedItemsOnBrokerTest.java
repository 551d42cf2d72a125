package dev.earshot.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.extract.TextLimits;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.HostileSite;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds with items too big for one Kafka record, polled by a whole replica into a real broker whose
 * {@code mentions} topic takes records up to 60 kB (as a cluster with a lower limit would): the big
 * item is cut to the limits or, when it still cannot be written, refused with its reason, and the
 * rest of the feed is published once.
 */
class OversizedItemsOnBrokerTest {

    static final int TOPIC_MAX_BYTES = 60_000;

    static EmbeddedKafkaBroker broker;
    static HostileSite site;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.MENTIONS, 2, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(TOPIC_MAX_BYTES))))).all().get(30, TimeUnit.SECONDS);
        }
        broker.createTopics(1, Topics.MONITORS);
        site = new HostileSite();
    }

    @AfterAll
    static void stop() {
        site.close();
        broker.close();
    }

    static String catalog(String sourceId, String path) {
        return """
                brands:
                  - id: northwind
                    name: Northwind Coffee
                    terms: ["Northwind"]
                sources:
                  - id: %s
                    kind: feed
                    url: %s
                    brand: northwind
                """.formatted(sourceId, site.url(path));
    }

    static String feed(String... descriptions) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Reviews</title><link>https://reviews.example/</link><description>r</description>");
        for (int i = 0; i < descriptions.length; i++) {
            rss.append("<item><guid>item-").append(i).append("</guid><title>Review ").append(i)
                    .append("</title><description>").append(descriptions[i]).append("</description></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    /** Words of random letters: text that compression cannot shrink much. */
    static String randomWords(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder s = new StringBuilder(chars);
        while (s.length() < chars) {
            s.append(random.nextInt(8) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    @Test
    void anItemOverOneMegabyteIsCutToTheTextLimitAndTheWholeFeedIsPublished() {
        String huge = "Northwind kept me waiting, again and again. ".repeat(30_000); // 1.3 MB
        site.serveFeed("/big/feed.rss", feed("Northwind was fine.", huge, "Northwind was cold."));
        try (Ingest ingest = BrokerIngest.start(broker, catalog("big-feed", "/big/feed.rss"), Map.of(), "big")) {
            SourceStatus status = ingest.scheduler.pollNow("big-feed").orElseThrow();
            assertEquals("ok", status.outcome(), status.lastError());
            assertEquals(3, status.newMentions());
            assertEquals(0, ingest.scheduler.pollNow("big-feed").orElseThrow().newMentions(), "published once");
        }
        List<Mention> mentions = mentionsOf("big-feed");
        assertEquals(3, mentions.size());
        Mention cut = mentions.stream().filter(m -> m.title().equals("Review 1")).findFirst().orElseThrow();
        assertTrue(cut.text().length() <= TextLimits.TEXT, "cut to the limit: " + cut.text().length());
        assertTrue(cut.text().startsWith("Northwind kept me waiting"), "the beginning is kept");
        assertTrue(cut.text().endsWith("…"), "and the cut shows");
    }

    @Test
    void aMentionTheClusterStillRefusesIsRecordedWithItsReasonWhileTheRestIsPublishedAndTheCursorMoves() {
        String tooBigForTheTopic = "Northwind " + randomWords(90_000, 7); // under the text limit, over 60 kB on the wire
        site.serveFeed("/refused/feed.rss", feed("Northwind was fine.", tooBigForTheTopic, "Northwind was cold."));
        try (Ingest ingest = BrokerIngest.start(broker, catalog("refused-feed", "/refused/feed.rss"), Map.of(), "refused")) {
            SourceStatus status = ingest.scheduler.pollNow("refused-feed").orElseThrow();
            assertEquals("ok", status.outcome(), "one bad item does not fail the poll: " + status.lastError());
            assertEquals(2, status.newMentions());
            assertEquals(1.0, ingest.registry().counter("earshot.ingest.mentions.refused", "source", "refused-feed",
                    "reason", "too_large").count(), "counted, with its reason");

            SourceStatus again = ingest.scheduler.pollNow("refused-feed").orElseThrow();
            assertEquals("ok", again.outcome());
            assertEquals(0, again.newMentions(), "nothing is published twice");
            assertEquals(1.0, ingest.registry().counter("earshot.ingest.mentions.refused", "source", "refused-feed",
                    "reason", "too_large").count(), "the refused item is recorded once, not tried on every poll");
        }
        assertEquals(List.of("Review 0", "Review 2"),
                mentionsOf("refused-feed").stream().map(Mention::title).sorted().toList());
    }

    private static List<Mention> mentionsOf(String sourceId) {
        return BrokerIngest.readAll(broker, Topics.MENTIONS).stream().map(r -> EventJson.read(r.value(), Mention.class))
                .filter(m -> m.source().id().equals(sourceId)).toList();
    }
}
