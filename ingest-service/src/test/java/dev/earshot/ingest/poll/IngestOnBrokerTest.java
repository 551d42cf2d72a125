package dev.earshot.ingest.poll;

import static dev.earshot.events.ContractAssert.MONITOR_EVENT;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.source.Brand;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.HostileSite;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole ingest replicas (as the service wires them) on the real embedded broker: restarts, two
 * replicas sharing sources, monitor events, and politeness decided by the poll loop.
 */
class IngestOnBrokerTest {

    static final String BRAND = """
            brands:
              - id: northwind
                name: Northwind Coffee
                terms: ["Northwind Coffee", "Northwind"]
                exclude: ["Northwind Traders"]
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

    @Test
    void restartRepublishesNothingButAnEditedReviewIsANewVersion() {
        String catalog = BRAND + """
                sources:
                  - id: restart-feed
                    kind: feed
                    url: %s
                """.formatted(site.url("/s/1/feeds/coffee-reviews.rss"));
        try (Ingest first = BrokerIngest.start(broker, catalog, Map.of(), "restart-1")) {
            assertEquals(2, first.scheduler.pollNow("restart-feed").orElseThrow().newMentions());
        }
        try (Ingest second = BrokerIngest.start(broker, catalog, Map.of(), "restart-2")) {
            SourceStatus again = second.scheduler.pollNow("restart-feed").orElseThrow();
            assertEquals("ok", again.outcome());
            assertEquals(0, again.newMentions(), "after a restart the same reviews are not published again");
            assertEquals(2, mentionsOf("restart-feed").size());

            site.route("/s/1/feeds/coffee-reviews.rss", "/feeds/coffee-reviews-edited.rss");
            assertEquals(1, second.scheduler.pollNow("restart-feed").orElseThrow().newMentions());
        }
        List<Mention> all = mentionsOf("restart-feed");
        assertEquals(3, all.size());
        Mention edited = all.get(2);
        assertTrue(edited.text().contains("the manager called me"), edited.text());
        Mention original = all.stream().filter(m -> m.id().equals(edited.id())).findFirst().orElseThrow();
        assertNotEquals(original.contentHash(), edited.contentHash(), "same id, new version");
        try (Ingest third = BrokerIngest.start(broker, catalog, Map.of(), "restart-3")) {
            assertEquals(0, third.scheduler.pollNow("restart-feed").orElseThrow().newMentions());
        }
        assertEquals(3, mentionsOf("restart-feed").size());
    }

    @Test
    void twoReplicasShareTheSourcesPollNoneTwiceAndTakeOverWithoutRepublishing() {
        int sources = 24;
        StringBuilder catalog = new StringBuilder(BRAND).append("sources:\n");
        IntStream.range(0, sources).forEach(i -> catalog.append("""
                  - id: shared-%d
                    kind: feed
                    url: %s
                """.formatted(i, site.url("/s/" + (100 + i) + "/feeds/coffee-reviews.rss"))));
        Map<String, String> settings = Map.of("shards.group", "two-replicas");
        Ingest a = BrokerIngest.start(broker, catalog.toString(), settings, "replica-a");
        Ingest b = BrokerIngest.start(broker, catalog.toString(), settings, "replica-b");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !a.ownership.owned().isEmpty() && !b.ownership.owned().isEmpty()
                    && a.ownership.owned().size() + b.ownership.owned().size() == 12);
            Set<Integer> overlap = new HashSet<>(a.ownership.owned());
            overlap.retainAll(b.ownership.owned());
            assertTrue(overlap.isEmpty(), "no shard is owned twice: " + overlap);

            int startedA = a.scheduler.tick();
            int startedB = b.scheduler.tick();
            assertEquals(sources, startedA + startedB, "together they start every source once");
            assertTrue(startedA > 0 && startedB > 0, "both replicas work: " + startedA + " + " + startedB);
            await().atMost(Duration.ofSeconds(20)).until(() -> sharedHits() == sources
                    && mentionsOf("shared-").size() == 2 * sources);
            a.scheduler.tick();
            b.scheduler.tick();
            for (int i = 0; i < sources; i++) {
                assertEquals(1, site.hits("/s/" + (100 + i) + "/feeds/coffee-reviews.rss"), "source " + i + " polled once");
            }

            a.close(); // replica a dies: b takes over its sources
            await().atMost(Duration.ofSeconds(30)).until(() -> b.ownership.owned().size() == 12);
            assertEquals(startedA, b.scheduler.tick(), "b polls the sources it took over");
            await().atMost(Duration.ofSeconds(20)).until(() -> sharedHits() == sources + startedA);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> mentionsOf("shared-").size() == 2 * sources);
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void failingAndSilentSourcesRaiseMonitorEventsAndRecover() {
        String feedPath = "/s/30/feeds/coffee-reviews.rss";
        String pagePath = "/s/31/pages/reviews-page-1.html";
        String catalog = BRAND + """
                sources:
                  - id: monitored-feed
                    kind: feed
                    url: %s
                  - id: monitored-page
                    kind: page
                    url: %s
                    brand: northwind
                    selectors: {review: "article.review", title: ".review-title", text: ".review-body", next: "a.next"}
                """.formatted(site.url(feedPath), site.url(pagePath));
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of("poll.failures-before-broken", "3", "poll.max-backoff", "24h"), "monitor")) {
            site.fail(feedPath, 500);
            for (int i = 0; i < 3; i++) {
                ingest.scheduler.pollNow("monitored-feed");
            }
            SourceStatus failing = ingest.scheduler.status("monitored-feed").orElseThrow();
            assertEquals("failing", failing.health());
            assertEquals(3, failing.consecutiveFailures());
            assertEquals("http", failing.errorKind());
            assertTrue(failing.nextPollAt().isAfter(failing.lastPollAt().plus(Duration.ofHours(3))),
                    "third failure in a row: the 1 h interval backs off to about 4 h (±20 %): " + failing.nextPollAt());
            assertTrue(ingest.scheduler.broken().get("monitored-feed").contains("answered HTTP 500"));

            site.fail(feedPath, 0);
            assertEquals("ok", ingest.scheduler.pollNow("monitored-feed").orElseThrow().health());

            assertEquals(2, ingest.scheduler.pollNow("monitored-page").orElseThrow().items());
            site.route(pagePath, "/pages/redesigned-page.html");
            SourceStatus silent = ingest.scheduler.pollNow("monitored-page").orElseThrow();
            assertEquals("silent", silent.health());
            assertEquals("ok", silent.outcome(), "the page answers fine; only the selectors found nothing");
        }
        List<MonitorEvent> events = broker(Topics.MONITORS).stream()
                .filter(r -> r.key().startsWith("monitored-"))
                .peek(r -> assertMatchesSchema(MONITOR_EVENT, r.value()))
                .map(r -> EventJson.read(r.value(), MonitorEvent.class)).toList();
        assertEquals(List.of("monitored-feed:FAILING", "monitored-feed:RECOVERED", "monitored-page:SILENT"),
                events.stream().map(e -> e.sourceId() + ":" + e.status()).sorted().toList());
        MonitorEvent failing = events.stream().filter(e -> e.status() == MonitorEvent.Status.FAILING).findFirst().orElseThrow();
        assertEquals(3, failing.consecutiveFailures());
        assertTrue(failing.lastError().contains("answered HTTP 500"), failing.lastError());
        MonitorEvent silent = events.stream().filter(e -> e.status() == MonitorEvent.Status.SILENT).findFirst().orElseThrow();
        assertTrue(silent.lastError().contains("selectors match no review"), silent.lastError());
    }

    @Test
    void conditionalGetAndRetryAfterAreHonouredByThePollLoop() {
        String catalog = BRAND + """
                sources:
                  - id: polite-etag
                    kind: feed
                    url: %s
                  - id: polite-limited
                    kind: feed
                    url: %s
                  - id: polite-other
                    kind: feed
                    url: %s
                """.formatted(site.url("/etag/feed.rss"), site.url("/limited/feed.rss"), site.url("/s/40/feeds/atom-1.0.xml"));
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of(), "polite")) {
            assertEquals("ok", ingest.scheduler.pollNow("polite-etag").orElseThrow().outcome());
            SourceStatus second = ingest.scheduler.pollNow("polite-etag").orElseThrow();
            assertEquals("not-modified", second.outcome());
            assertEquals("\"v1\"", site.lastIfNoneMatch("/etag/feed.rss"));

            // A brand added over the API: the next poll reads the whole feed again, so old reviews of it are found.
            assertEquals(List.of(), ingest.catalog.putBrand(new Brand("contoso", "Contoso Bakery", List.of("Contoso Bakery"), List.of())));
            try {
                SourceStatus afterBrandChange = ingest.scheduler.pollNow("polite-etag").orElseThrow();
                assertEquals("ok", afterBrandChange.outcome());
                assertEquals(1, afterBrandChange.newMentions(), "the Contoso review in the unchanged feed");
                assertEquals("not-modified", ingest.scheduler.pollNow("polite-etag").orElseThrow().outcome());
            } finally {
                ingest.catalog.removeBrand("contoso");
            }

            SourceStatus limited = ingest.scheduler.pollNow("polite-limited").orElseThrow();
            assertEquals("rate_limited", limited.errorKind());
            assertTrue(limited.nextPollAt().isAfter(Instant.now().plusSeconds(100)), "waits for Retry-After: 120");
            assertEquals(0, ingest.scheduler.tick(), "the whole host is left alone until then");
            assertEquals(0, site.hits("/s/40/feeds/atom-1.0.xml"));
        }
    }

    @Test
    void reviewPageIsFollowedToItsPageLimit() {
        String catalog = BRAND + """
                sources:
                  - id: paged-reviews
                    kind: page
                    url: %s
                    brand: northwind
                    maxPages: 2
                    selectors: {review: "article.review", title: ".review-title", text: ".review-body", author: ".reviewer-name", rating: ".stars@data-rating", date: "time", link: "a.permalink", next: "a.next"}
                """.formatted(site.url("/places/northwind-quay/reviews"));
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of(), "paged")) {
            SourceStatus status = ingest.scheduler.pollNow("paged-reviews").orElseThrow();
            assertEquals(3, status.items(), "two reviews on page 1, one on page 2, page 3 is beyond the limit");
            assertEquals(3, status.newMentions());
        }
        assertEquals(0, site.hits("/places/northwind-quay/reviews?page=3"));
        List<Mention> mentions = mentionsOf("paged-reviews");
        assertTrue(mentions.stream().anyMatch(m -> m.title().equals("Card machine broken, again") && m.rating().value() == 2));
        assertTrue(mentions.stream().allMatch(m -> m.brand().id().equals("northwind")), "a dedicated page: every review is the brand's");
        assertFalse(mentions.stream().anyMatch(m -> m.text().contains("Advertisement")));
    }

    @Test
    void publishedMarkersAreKeptOnTheTopicForTheRetentionOnly() throws Exception {
        try (Ingest ingest = BrokerIngest.start(broker, BRAND, Map.of(), "retention");
                org.apache.kafka.clients.admin.Admin admin = ingest.kafka.admin()) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, dev.earshot.ingest.publish.PublishedStore.TOPIC);
            var config = admin.describeConfigs(List.of(resource)).all().get(30, java.util.concurrent.TimeUnit.SECONDS)
                    .get(resource);
            assertEquals("compact,delete", config.get("cleanup.policy").value());
            assertEquals(String.valueOf(Duration.ofDays(30).toMillis()), config.get("retention.ms").value(),
                    "the default earshot.ingest.published-retention");
        }
    }

    private static int sharedHits() {
        return site.allHits().entrySet().stream().filter(e -> e.getKey().matches("/s/1\\d\\d/feeds/coffee-reviews.rss"))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private static List<Mention> mentionsOf(String sourceIdPrefix) {
        return broker(Topics.MENTIONS).stream().map(r -> EventJson.read(r.value(), Mention.class))
                .filter(m -> m.source().id().startsWith(sourceIdPrefix)).toList();
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> broker(String topic) {
        return BrokerIngest.readAll(broker, topic);
    }
}
