package dev.earshot.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.earshot.alert.notification.AlertMailer;
import dev.earshot.alert.support.Mails;
import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.alert.support.SlowSmtpProxy;
import dev.earshot.alert.support.SlowSmtpResource;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A mail server that takes 15 s to answer DATA (longer than the 10 s a Kafka Streams transaction
 * may take): each email still arrives once, and detection goes on for every other brand meanwhile.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(SlowSmtpResource.class)
class SlowSmtpTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    GreenMail greenMail;

    SlowSmtpProxy proxy;

    @Test
    void aMailServerSlowToAnswerDataGetsEachEmailOnceAndDetectionGoesOnForOtherBrands() {
        send(ScoredMentions.of("slowco", "Slow Co", "Charged twice, rude staff, awful. Never again!", -0.9,
                Label.NEGATIVE));
        await().atMost(Duration.ofSeconds(60)).until(() -> proxy.holding() > 0);

        // While Slow Co's email hangs in DATA, another brand's dangerous mention is still detected.
        ScoredMention fast = ScoredMentions.of("fastco", "Fast Co", "Found glass in my salad, dangerous and awful!",
                -0.95, Label.NEGATIVE);
        send(fast);
        var alerts = kafka.consumeStrings().fromTopics(Topics.ALERTS);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> alerts.getRecords()
                .stream().anyMatch(r -> r.key().equals("instant-fastco-" + fast.mention().id())));
        alerts.stop();
        assertTrue(Mails.to(greenMail, "pr@slowco.example").isEmpty(),
                "Fast Co's alert was raised while Slow Co's email was still waiting for the mail server");

        // A third brand after both: its email comes last, so by then any resend of the others would be here.
        ScoredMention last = ScoredMentions.of("lastco", "Last Co", "Rude, cold and dirty, the worst ever!", -0.9,
                Label.NEGATIVE);
        send(last);
        List<MimeMessage> lastMails = awaitMails("pr@lastco.example");
        assertEquals("instant-lastco-" + last.mention().id(), Mails.header(lastMails.get(0),
                AlertMailer.INCIDENT_HEADER));
        assertEquals(1, Mails.to(greenMail, "pr@slowco.example").size(), "Slow Co's email once, not once per try");
        assertEquals(1, Mails.to(greenMail, "pr@fastco.example").size(), "Fast Co's email once");
        assertEquals(1, lastMails.size());
        assertTrue(proxy.held() >= 3, "every DATA was answered late: " + proxy.held());
    }

    private void send(ScoredMention scored) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTIONS_SCORED, null,
                Instant.now().toEpochMilli(), scored.mention().brand().id(), EventJson.writeString(scored)))
                .awaitCompletion();
    }

    private List<MimeMessage> awaitMails(String address) {
        return await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
                .until(() -> Mails.to(greenMail, address), m -> !m.isEmpty());
    }
}
