package dev.earshot.console.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.console.support.AlertServiceStub;
import dev.earshot.console.support.Events;
import dev.earshot.console.support.PostgresResource;
import dev.earshot.console.support.TestUsers;
import dev.earshot.events.Alert;
import dev.earshot.events.CatalogBrand;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.DeadLetterHeaders;
import dev.earshot.events.EventJson;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The topics into PostgreSQL, on the real embedded broker and a real PostgreSQL. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TestUsers.class)
@WithTestResource(AlertServiceStub.class)
class TopicIntakeTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DataSource store;

    @Inject
    MeterRegistry metrics;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aMentionReadTwiceIsOneRowAndAnOlderScoreDoesNotOverwriteANewerOne() throws Exception {
        ScoredMention first = Events.scored("aa00000000000000000000000000000a", "Cold", "Cold coffee, rude barista",
                "Dana K.", "https://reviews.example/17", -0.7, now);
        ScoredMention older = Events.scored("aa00000000000000000000000000000a", "Edited", "older text", "Dana K.",
                "https://reviews.example/17", 0.5, now.minusSeconds(600));
        produce(Topics.MENTIONS_SCORED, "northwind", EventJson.writeString(first));
        produce(Topics.MENTIONS_SCORED, "northwind", EventJson.writeString(first));
        produce(Topics.MENTIONS_SCORED, "northwind", EventJson.writeString(older));
        // A marker after them: once it is stored, the three before it were handled.
        produce(Topics.MENTIONS_SCORED, "northwind", EventJson.writeString(Events.scored(
                "aa00000000000000000000000000000b", "Marker", "marker", null, null, 0.1, now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM mention WHERE mention_id = 'aa00000000000000000000000000000b'") == 1);

        assertEquals(1, count("SELECT count(*) FROM mention WHERE mention_id = 'aa00000000000000000000000000000a'"));
        assertEquals("Cold coffee, rude barista", text(
                "SELECT text FROM mention WHERE mention_id = 'aa00000000000000000000000000000a'"));
    }

    @Test
    void anIncidentKeepsItsNewestRevisionAndEveryRevisionInItsTimeline() throws Exception {
        ScoredMention m = Events.scored("bb00000000000000000000000000000b", "Waited 40 minutes", "Never again",
                "Sam", "https://reviews.example/18", -0.9, now);
        produce(Topics.ALERTS, "inc-t1", EventJson.writeString(Events.alert("inc-t1", 1, Alert.State.OPEN, null,
                List.of(m), now)));
        produce(Topics.ALERTS, "inc-t1", EventJson.writeString(Events.alert("inc-t1", 2, Alert.State.ACKNOWLEDGED,
                "rosa", List.of(m), now)));
        produce(Topics.ALERTS, "inc-t1", EventJson.writeString(Events.alert("inc-t1", 1, Alert.State.OPEN, null,
                List.of(m), now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM incident_revision WHERE incident_id = 'inc-t1'") == 2);
        // The replayed revision 1 came after revision 2: wait for the offsets to pass it, then look.
        await().atMost(Duration.ofSeconds(30)).until(() -> committedPastEnd(Topics.ALERTS));

        assertEquals("acknowledged", text("SELECT state FROM incident WHERE incident_id = 'inc-t1'"));
        assertEquals("rosa", text("SELECT acknowledged_by FROM incident WHERE incident_id = 'inc-t1'"));
        assertEquals(1, count("SELECT count(*) FROM incident_mention WHERE incident_id = 'inc-t1'"));
        assertEquals(1, count("SELECT count(*) FROM mention WHERE mention_id = 'bb00000000000000000000000000000b'"));
        assertEquals(12, count("SELECT mention_count FROM incident WHERE incident_id = 'inc-t1'"));
    }

    @Test
    void aSourceHealthChangeIsStored() throws Exception {
        produce(Topics.MONITORS, "citybites-feed", EventJson.writeString(Events.failing("citybites-feed", now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM source_health WHERE source_id = 'citybites-feed' AND status = 'failing'") == 1);
    }

    @Test
    void unreadableRecordsAreCountedDeadLetteredAndTheStreamGoesOn() throws Exception {
        double refusedBefore = refused(Topics.MENTIONS_SCORED);
        produce(Topics.MENTIONS_SCORED, "northwind", "{not json");
        // Valid JSON whose mention id carries CR/LF and a header: outside the contract's id pattern.
        String badId = EventJson.writeString(Events.scored("cc00000000000000000000000000000c", "t", "x", null, null,
                -0.5, now)).replace("cc00000000000000000000000000000c", "cc\\r\\nBcc: x@evil.example");
        produce(Topics.MENTIONS_SCORED, "northwind", badId);
        // A NUL character, which PostgreSQL's text cannot hold: stored with a replacement, not a stuck stream.
        produce(Topics.MENTIONS_SCORED, "northwind", EventJson.writeString(Events.scored(
                "dd00000000000000000000000000000d", "nul", "before\u0000after", null, null, -0.5, now)));
        produce(Topics.MENTIONS_SCORED, "northwind", EventJson.writeString(Events.scored(
                "ee00000000000000000000000000000e", "after the bad ones", "still read", null, null, -0.5, now)));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM mention WHERE mention_id = 'ee00000000000000000000000000000e'") == 1);
        assertEquals("before\uFFFDafter", text(
                "SELECT text FROM mention WHERE mention_id = 'dd00000000000000000000000000000d'"));
        assertEquals(refusedBefore + 2, refused(Topics.MENTIONS_SCORED));

        List<ConsumerRecord<String, String>> dead = kafka.consumeStrings().fromTopics(DeadLetters.TOPIC)
                .awaitRecords(2, Duration.ofSeconds(30)).getRecords();
        assertTrue(dead.stream().anyMatch(r -> "{not json".equals(r.value())), "the unreadable record, as received");
        ConsumerRecord<String, String> first = dead.get(0);
        assertEquals(Topics.MENTIONS_SCORED, header(first, DeadLetterHeaders.TOPIC));
        assertTrue(header(first, DeadLetterHeaders.REASON).startsWith("not a ScoredMention"),
                header(first, DeadLetterHeaders.REASON));
        assertTrue(dead.stream().anyMatch(r -> header(r, DeadLetterHeaders.REASON).contains("id")));
    }

    @Test
    void theCatalogsBrandsAndRemovalsAreStoredAndARefusedRecordGoesToTheCatalogDeadLetters() throws Exception {
        produce(Topics.CATALOG, CatalogRecord.brandKey("acme"), EventJson.writeString(
                new CatalogBrand("acme", "Acme Stores", List.of("Acme"), List.of("pr@acme.example"))));
        produce(Topics.CATALOG, CatalogRecord.brandKey("gone"), EventJson.writeString(
                new CatalogBrand("gone", "Gone Ltd", List.of("Gone"), List.of())));
        produce(Topics.CATALOG, CatalogRecord.brandKey("typo"),
                "{\"id\":\"typo\",\"name\":\"Typo\",\"alerting\":{\"spikeMinCunt\":3}}");
        produce(Topics.CATALOG, CatalogRecord.brandKey("gone"), "{\"removed\":true}");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM brand WHERE brand_id = 'gone' AND removed") == 1);

        assertEquals("Acme Stores", text("SELECT name FROM brand WHERE brand_id = 'acme' AND NOT removed"));
        assertEquals("Gone Ltd", text("SELECT name FROM brand WHERE brand_id = 'gone'"), "a removed brand keeps its name");
        assertEquals(0, count("SELECT count(*) FROM brand WHERE brand_id = 'typo'"));
        ConsumerRecord<String, String> dead = kafka.consumeStrings().fromTopics(Topics.CATALOG_DLQ)
                .awaitRecords(1, Duration.ofSeconds(30)).getRecords().get(0);
        assertTrue(header(dead, DeadLetterHeaders.REASON).contains("spikeMinCunt"), header(dead, DeadLetterHeaders.REASON));
    }

    private void produce(String topic, String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion();
    }

    private boolean committedPastEnd(String topic) {
        var end = kafka.offsets().list(java.util.Map.of(
                new org.apache.kafka.common.TopicPartition(topic, 0),
                org.apache.kafka.clients.admin.OffsetSpec.latest()));
        var committed = kafka.consumerGroups().offsets(TopicIntake.GROUP);
        return end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() >= e.getValue().offset());
    }

    private double refused(String topic) {
        var c = metrics.find("earshot.console.records.refused").tag("topic", topic).counter();
        return c == null ? 0 : c.count();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private int count(String sql) throws Exception {
        try (Connection c = store.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String text(String sql) throws Exception {
        try (Connection c = store.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
