package dev.earshot.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.earshot.alert.catalog.BrandCatalog;
import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.incident.CommandSignatures;
import dev.earshot.alert.incident.Incident;
import dev.earshot.alert.incident.IncidentStore;
import dev.earshot.alert.messaging.StreamsHooks;
import dev.earshot.alert.notification.AlertMailer;
import dev.earshot.alert.support.GreenMailResource;
import dev.earshot.alert.support.Mails;
import dev.earshot.alert.support.Replica;
import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.alert.support.TestConfig;
import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * alert-service stopped and started again with its local state lost, between the real broker and a real SMTP
 * server. Its own Quarkus application (a profile of its own), since the test stops that application's Kafka
 * Streams and runs the restarted one in its place.
 */
@QuarkusTest
@TestProfile(RestartTest.OwnApplication.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
class RestartTest {

    /** Only here so this class gets an application of its own. */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"dev.earshot.alert.RestartTest\".level", "INFO");
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    GreenMail greenMail;

    @Inject
    KafkaStreams streams;

    @Inject
    StreamsConfig streamsConfig;

    @Inject
    Topology topology;

    @Test
    void aRestartThatLostItsLocalStateRemembersTheIncidentAndSendsNothingTwice(@TempDir Path emptyStateDir)
            throws Exception {
        Instant now = Instant.now();
        send(ScoredMentions.of("restartco", "Restart Co", "Charged twice and support hung up. Awful!", -0.9,
                Label.NEGATIVE), now);
        MimeMessage opened = awaitMails("pr@restartco.example", 1).get(0);
        String incident = Mails.header(opened, AlertMailer.INCIDENT_HEADER);

        streams.close(StreamsHooks.LEAVE_GROUP); // the service stopping, as on shutdown
        // Readiness follows Kafka Streams: not ready while it is not running.
        given().when().get("/q/health/ready").then().statusCode(503);
        // Started again with its local state lost: everything comes back from Kafka's changelogs.
        try (KafkaStreams restarted = Replica.start(topology, streamsConfig, emptyStateDir, "restarted", Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> restarted.state() == KafkaStreams.State.RUNNING);
            for (int i = 0; i < 3; i++) {
                send(ScoredMentions.of("restartco", "Restart Co", "Also charged twice, terrible " + i, -0.8,
                        Label.NEGATIVE), now.plusSeconds(10 + i));
        }
        List<MimeMessage> mails = awaitMails("pr@restartco.example", 2);
        assertTrue(mails.get(1).getSubject().startsWith("[Earshot] Update · "), mails.get(1).getSubject());
        assertEquals(incident, Mails.header(mails.get(1), AlertMailer.INCIDENT_HEADER),
                "the restarted service remembered the incident");
        Thread.sleep(5000);
        // Two or three emails, depending on how long the restart took against the 4 s update interval (the
        // last surge may be a held-back update); never the same revision twice.
        List<String> revisions = Mails.to(greenMail, "pr@restartco.example").stream()
                .map(x -> Mails.header(x, AlertMailer.REVISION_HEADER)).toList();
        assertTrue(revisions.size() <= 3, "opened, and at most two throttled updates: " + revisions);
        assertEquals(revisions.size(), revisions.stream().distinct().count(), "no email sent twice: " + revisions);
        }
    }

    @Inject
    AlertConfig config;

    @Inject
    BrandCatalog catalog;

    @Inject
    MeterRegistry metrics;

    @Inject
    CommandSignatures signatures;

    @Test
    void aRevisionNotYetPublishedWhenTheServiceStoppedIsPublishedByTheNextOne(@TempDir Path firstState,
            @TempDir Path secondState) {
        streams.close(StreamsHooks.LEAVE_GROUP); // this test runs the replicas itself
        // The first replica publishes folds only every hour: its further revisions are still unpublished when it stops.
        AlertConfig slow = TestConfig.with(Map.of("earshot.alert.incidents.publish-interval", "1h"));
        Topology slowTopology = AlertTopology.build(slow, catalog, metrics, signatures);
        String incident;
        var alerts = kafka.consumeStrings().fromTopics(Topics.ALERTS);
        Instant now = Instant.now();
        try (KafkaStreams first = Replica.start(slowTopology, streamsConfig, firstState, "first", Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.state() == KafkaStreams.State.RUNNING);
            for (int i = 0; i < 5; i++) {
                send(ScoredMentions.of("pendingco", "Pending Co", "Charged twice, rude, awful " + i, -0.9,
                        Label.NEGATIVE), now.plusSeconds(i));
            }
            incident = await().atMost(Duration.ofSeconds(30)).until(() -> revisionsOf(alerts, "instant-pendingco-"),
                    l -> !l.isEmpty()).get(0).incidentId();
            ReadOnlyKeyValueStore<String, Incident> store = first.store(StoreQueryParameters.fromNameAndType(
                    IncidentStore.INCIDENTS, QueryableStoreTypes.<String, Incident>keyValueStore()));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.get(incident) != null
                    && store.get(incident).revision == 5);
            assertEquals(List.of(1), revisionsOf(alerts, incident).stream().map(Alert::revision).toList(),
                    "the folds are saved, not yet published");
        } // a clean stop commits what it processed; a crash would roll back to the last commit, marks and offsets alike
        // The next replica, with its local state lost, restores the unpublished mark from the changelog and publishes.
        try (KafkaStreams second = Replica.start(topology, streamsConfig, secondState, "second", Map.of())) {
            List<Alert> published = await().atMost(Duration.ofSeconds(60)).until(() -> revisionsOf(alerts, incident),
                    l -> l.size() >= 2);
            Alert last = published.get(published.size() - 1);
            assertEquals(5, last.revision(), "the newest revision, published after the restart");
            assertEquals(5, last.reach().complaints(), "with every complaint folded before the stop");
            alerts.stop();
        }
    }

    private static List<Alert> revisionsOf(ConsumerTask<String, String> alerts, String keyPrefix) {
        return alerts.getRecords().stream().filter(r -> r.key().startsWith(keyPrefix))
                .map(r -> EventJson.read(r.value(), Alert.class)).toList();
    }

    private void send(ScoredMention scored, Instant at) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTIONS_SCORED, null, at.toEpochMilli(),
                scored.mention().brand().id(), EventJson.writeString(scored))).awaitCompletion();
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> Mails.to(greenMail, address), m -> m.size() >= count);
    }
}
