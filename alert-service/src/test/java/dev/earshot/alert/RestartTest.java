package dev.earshot.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.earshot.alert.messaging.StreamsHooks;
import dev.earshot.alert.notification.AlertMailer;
import dev.earshot.alert.support.GreenMailResource;
import dev.earshot.alert.support.Mails;
import dev.earshot.alert.support.Replica;
import dev.earshot.alert.support.ScoredMentions;
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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
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

    private void send(ScoredMention scored, Instant at) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTIONS_SCORED, null, at.toEpochMilli(),
                scored.mention().brand().id(), EventJson.writeString(scored))).awaitCompletion();
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> Mails.to(greenMail, address), m -> m.size() >= count);
    }
}
