package dev.earshot.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.MonitorEvent;
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
 * A feed URL may carry credentials (user-info, or a token in the query): they are the operator's secret and
 * never leave ingest in a mention, a monitor event, a source's status or the open health check.
 */
class CredentialsInUrlsOnBrokerTest {

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
    void credentialsInFeedUrlsAreNeitherPublishedNorReported() {
        site.fail("/private/feed.rss?api_key=k3y-s3cret&page=2", 404);
        String failing = site.url("/private/feed.rss?api_key=k3y-s3cret&page=2").replace("://", "://reader:pa55-s3cret@");
        String working = site.url("/files/feeds/coffee-reviews.rss?access_token=t0k3n-s3cret");
        String relative = site.url("/files/feeds/rss-2.0-relative.rss").replace("://", "://reader:pa55-s3cret@");
        String catalog = """
                brands:
                  - id: northwind
                    name: Northwind Coffee
                    terms: ["Northwind"]
                sources:
                  - id: secret-failing
                    kind: feed
                    url: "%s"
                  - id: secret-working
                    kind: feed
                    url: "%s"
                  - id: secret-relative
                    kind: feed
                    url: "%s"
                    brand: northwind
                """.formatted(failing, working, relative);
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of("poll.failures-before-broken", "1", "robots.enabled",
                "false"), "credentials")) {
            SourceStatus failed = ingest.scheduler.pollNow("secret-failing").orElseThrow();
            assertEquals("error", failed.outcome());
            assertTrue(failed.lastError().contains("answered HTTP 404"), failed.lastError());
            assertNoSecret(failed.lastError());
            assertNoSecret(failed.url());
            assertNoSecret(String.valueOf(ingest.scheduler.broken()));
            assertEquals(3, ingest.scheduler.pollNow("secret-working").orElseThrow().newMentions());
            assertTrue(ingest.scheduler.pollNow("secret-relative").orElseThrow().newMentions() > 0);
        }
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("reader:pa55-s3cret".getBytes()),
                site.lastAuthorization("/files/feeds/rss-2.0-relative.rss"), "user-info is sent as Basic auth");
        assertEquals(null, site.lastAuthorization("/files/feeds/coffee-reviews.rss?access_token=t0k3n-s3cret"));
        List<MonitorEvent> events = BrokerIngest.readAll(broker, Topics.MONITORS).stream()
                .map(r -> EventJson.read(r.value(), MonitorEvent.class)).toList();
        assertEquals(1, events.size());
        assertNoSecret(events.get(0).sourceUrl());
        assertNoSecret(events.get(0).lastError());
        assertTrue(events.get(0).sourceUrl().contains("page=2"), "the rest of the address is kept: " + events.get(0).sourceUrl());
        List<Mention> mentions = BrokerIngest.readAll(broker, Topics.MENTIONS).stream()
                .map(r -> EventJson.read(r.value(), Mention.class)).toList();
        mentions.forEach(m -> assertNoSecret(m.source().url()));
        mentions.forEach(m -> assertNoSecret(String.valueOf(m.url())));
        assertTrue(mentions.stream().anyMatch(m -> String.valueOf(m.url()).endsWith("/reviews/northwind-espresso")),
                "a relative link is resolved, without the feed's user-info");
        assertTrue(mentions.get(0).source().url().endsWith("/files/feeds/coffee-reviews.rss?access_token=***"),
                mentions.get(0).source().url());
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains("s3cret"), "a credential leaked: " + text);
    }
}
