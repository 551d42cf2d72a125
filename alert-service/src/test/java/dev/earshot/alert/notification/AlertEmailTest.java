package dev.earshot.alert.notification;

import static dev.earshot.events.ContractAssert.ALERT;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.earshot.alert.support.GreenMailResource;
import dev.earshot.alert.support.MailParts;
import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** alert-service between the real broker and a real SMTP server. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
class AlertEmailTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    GreenMail greenMail;

    @Test
    void furiousMentionSendsOneEmailToTheBrandsPeopleAndOneAlertRecord() throws Exception {
        ScoredMention furious = ScoredMentions.of("northwind", "Northwind Coffee",
                "Waited 40 minutes for a cold latte and the barista was rude. Never again!", -0.86, Label.NEGATIVE);
        send(furious);
        send(furious); // redelivered: still one alert

        List<MimeMessage> mails = awaitMailsAbout(furious, 2); // one message per recipient
        assertEquals(List.of("care@northwind.example", "pr@northwind.example"), recipients(mails));
        MimeMessage mail = mails.get(0);
        assertEquals("[Earshot] HIGH · Northwind Coffee: a strongly negative mention", mail.getSubject());
        assertTrue(MailParts.text(mail).contains("Waited 40 minutes for a cold latte"), MailParts.text(mail));
        assertTrue(MailParts.html(mail).contains("barista was rude. Never again!"));
        assertTrue(MailParts.html(mail).contains("href=\"" + furious.mention().url() + "\""));
        assertTrue(MailParts.text(mail).contains("What to do now"));

        ConsumerRecord<String, String> record = kafka.consumeStrings().fromTopics(Topics.ALERTS)
                .awaitRecords(1, Duration.ofSeconds(10)).getFirstRecord();
        assertMatchesSchema(ALERT, record.value());
        Alert alert = EventJson.read(record.value(), Alert.class);
        assertEquals(record.key(), alert.incidentId());
        assertEquals(Alert.Kind.INSTANT, alert.kind());
        assertEquals(furious.mention().id(), alert.mentions().get(0).mention().id());

        Thread.sleep(1000);
        assertEquals(2, mailsAbout(furious).size(), "the redelivered mention sent no second email");
    }

    @Test
    void hostileReviewArrivesAsTextNotMarkup() throws Exception {
        ScoredMention hostile = ScoredMentions.of("northwind", "Northwind Coffee",
                "<script>alert(1)</script> <img src=x onerror=alert(2)> worst coffee ever", -0.8, Label.NEGATIVE);
        send(hostile);

        MimeMessage mail = awaitMailsAbout(hostile, 2).get(0);
        String html = MailParts.html(mail);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(MailParts.text(mail).contains("<script>alert(1)</script>"), "the text part shows it as written");
    }

    @Test
    void calmOrMildMentionsSendNothing() throws Exception {
        ScoredMention calm = ScoredMentions.of("northwind", "Northwind Coffee", "Nice flat white", 0.6, Label.POSITIVE);
        ScoredMention mild = ScoredMentions.of("northwind", "Northwind Coffee", "A bit slow today", -0.2, Label.NEGATIVE);
        ScoredMention unread = ScoredMentions.of("northwind", "Northwind Coffee", "Qué desastre", 0, Label.UNKNOWN);
        send(calm);
        send(mild);
        send(unread);
        ScoredMention marker = ScoredMentions.of("northwind", "Northwind Coffee", "Rude staff, cold food, awful",
                -0.9, Label.NEGATIVE);
        send(marker);
        awaitMailsAbout(marker, 2); // records are handled in order: the earlier ones are done
        assertTrue(mailsAbout(calm).isEmpty() && mailsAbout(mild).isEmpty() && mailsAbout(unread).isEmpty());
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() throws Exception {
        kafka.produceStrings().fromRecords(
                new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.MENTIONS_SCORED, "northwind", "{oops"))
                .awaitCompletion();
        ScoredMention after = ScoredMentions.of("northwind", "Northwind Coffee", "Charged twice, no refund, awful",
                -0.9, Label.NEGATIVE);
        send(after);

        ConsumerRecord<String, String> dead = kafka.consumeStrings().fromTopics(Topics.MENTIONS_SCORED_DLQ)
                .awaitRecords(1, Duration.ofSeconds(15)).getFirstRecord();
        assertEquals("{oops", dead.value(), "the dead-letter topic holds the record as it was");
        String reason = KafkaCompanion.getHeader(dead.headers(), "dead-letter-reason");
        assertTrue(reason.contains("not a ScoredMention"), reason);
        awaitMailsAbout(after, 2);
    }

    private void send(ScoredMention scored) {
        kafka.produceStrings().fromRecords(new org.apache.kafka.clients.producer.ProducerRecord<>(
                Topics.MENTIONS_SCORED, scored.mention().brand().id(), EventJson.writeString(scored)))
                .awaitCompletion();
    }

    private List<MimeMessage> awaitMailsAbout(ScoredMention scored, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(scored), m -> m.size() >= count);
    }

    private List<MimeMessage> mailsAbout(ScoredMention scored) throws MessagingException {
        String incident = "instant-" + scored.mention().brand().id() + "-" + scored.mention().id();
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> incident.equals(header(m))).toList();
    }

    private static String header(MimeMessage m) {
        try {
            return m.getHeader(AlertMailer.INCIDENT_HEADER, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(List<MimeMessage> mails) throws MessagingException {
        List<String> all = new java.util.ArrayList<>();
        for (MimeMessage m : mails) {
            for (Address a : m.getAllRecipients()) {
                if (!all.contains(a.toString())) {
                    all.add(a.toString());
                }
            }
        }
        return all.stream().sorted().toList();
    }
}
