package dev.earshot.ingest.poll;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.api.ShardsHealthCheck;
import dev.earshot.ingest.publish.KafkaClients;
import dev.earshot.ingest.publish.PublishedStore;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.HostileSite;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replica that cannot catch up with the state topics in time — on a rebalance or at boot with a
 * large published topic — keeps trying, says so in readiness while it cannot, and polls once it has.
 */
class CatchUpOnBrokerTest {

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
    void aCatchUpThatTimesOutOnARebalanceIsRetriedAndReportedUntilItSucceeds() {
        KafkaClients kafka = new KafkaClients(broker.bootstrapServers());
        kafka.ensureTopics(Map.of(SourceOwnership.TOPIC, new KafkaClients.TopicSpec(12, Map.of())), Duration.ofSeconds(30));
        AtomicInteger attempts = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (SourceOwnership ownership = new SourceOwnership(kafka, "catch-up-fails")) {
            ownership.hooks(new SourceOwnership.Hooks() {
                @Override
                public void beforeTakingOver(Set<Integer> partitions) {
                    if (attempts.incrementAndGet() <= 2) {
                        throw new IllegalStateException("did not catch up with earshot-ingest-published within PT1M");
                    }
                }

                @Override
                public void afterGivingUp(Set<Integer> partitions) {
                }
            });
            ShardsHealthCheck health = new ShardsHealthCheck(ownership);
            ownership.start("catch-up-member", Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HealthCheckResponse r = health.call();
                seen.add(r.getStatus() + " " + r.getData().map(Object::toString).orElse(""));
                assertTrue(attempts.get() >= 1);
                assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus());
                assertTrue(r.getData().orElseThrow().get("problem").toString().contains("did not catch up"), seen::toString);
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> !ownership.owned().isEmpty());
            assertEquals(3, attempts.get(), "tried again until the catch-up succeeded");
            assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
        }
    }

    @Test
    void aReplicaBootingOnAPublishedTopicTooLargeToReadInTimeStartsAnywayAndPollsOnceCaughtUp() throws Exception {
        fillPublishedTopic(50_000);
        String catalog = IngestOnBrokerTest.BRAND + """
                sources:
                  - id: late-feed
                    kind: feed
                    url: %s
                """.formatted(site.url("/s/60/feeds/coffee-reviews.rss"));
        // 0 s: no attempt waits at all, so every attempt before the replica has read the 50,000 markers fails.
        try (Ingest ingest = BrokerIngest.start(broker, catalog, Map.of("catch-up-timeout", "0s"), "late")) {
            ShardsHealthCheck health = new ShardsHealthCheck(ingest.ownership);
            await().atMost(Duration.ofSeconds(90)).until(() -> !ingest.ownership.owned().isEmpty()
                    && health.call().getStatus() == HealthCheckResponse.Status.UP);
            assertEquals(50_000, ingest.published.size(), "every marker read before polling");
            assertEquals(2, ingest.scheduler.pollNow("late-feed").orElseThrow().newMentions());
        }
    }

    private static void fillPublishedTopic(int markers) {
        KafkaClients kafka = new KafkaClients(broker.bootstrapServers());
        kafka.ensureTopics(Map.of(PublishedStore.TOPIC, KafkaClients.TopicSpec.compacted(6)), Duration.ofSeconds(30));
        try (KafkaProducer<String, byte[]> producer = kafka.producer("fill")) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < markers; i++) {
                sent.add(producer.send(new ProducerRecord<>(PublishedStore.TOPIC, "bulk/" + i,
                        ("hash-" + i).getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
            for (var f : sent) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
