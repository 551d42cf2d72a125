package dev.earshot.alert;

import static dev.earshot.events.ContractAssert.ALERT;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.earshot.alert.notification.AlertMailer;
import dev.earshot.alert.support.GreenMailResource;
import dev.earshot.alert.support.MailParts;
import dev.earshot.alert.support.Mails;
import dev.earshot.alert.support.ScoredMentions;
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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Assigning an incident and writing notes on it through the REST API, between the real broker and a real SMTP server:
 * each is a signed command the stream applies, and a new revision on {@code alerts}; the emails show the owner and
 * the latest note as text, and link to the console, where a used acknowledge link lands.
 */
@QuarkusTest
@TestProfile(StaffActionsTest.WithConsole.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
class StaffActionsTest {

    static final String CONSOLE = "http://console.example:8084";

    /** A console address, as the local run and compose set it. */
    public static class WithConsole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("earshot.alert.notifications.console-url", CONSOLE + "/");
        }
    }

    static final String HOSTILE_NOTE = "Called them back.\r\n<script>alert(1)</script> <img src=x onerror=alert(2)>"
            + "\u0007\u202E done";
    static final String CLEANED_NOTE = "Called them back.\n<script>alert(1)</script> <img src=x onerror=alert(2)> done";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    GreenMail greenMail;

    @Test
    void assignAndANoteReachAlertsTheEmailsShowThemAsTextAndTheAckLinkLandsInTheConsole() {
        send(ScoredMentions.of("staffco", "Staff Co", "Rude staff, cold food, and they laughed at us. Awful!", -0.9,
                Label.NEGATIVE), Instant.now());
        MimeMessage opened = awaitMails("pr@staffco.example", 1).get(0);
        String id = Mails.header(opened, AlertMailer.INCIDENT_HEADER);
        assertTrue(MailParts.text(opened).contains("Open the incident in the console: " + CONSOLE + "/incidents/" + id),
                MailParts.text(opened));
        assertTrue(MailParts.html(opened).contains("href=\"" + CONSOLE + "/incidents/" + id + "\""));

        var alerts = kafka.consumeStrings().fromTopics(Topics.ALERTS);
        staff().queryParam("to", "dana").queryParam("by", "rosa").post("/api/incidents/" + id + "/assign").then()
                .statusCode(202).body("action", equalTo("assign"));
        staff().queryParam("by", "rosa").contentType(ContentType.JSON).body(Map.of("text", HOSTILE_NOTE))
                .post("/api/incidents/" + id + "/note").then().statusCode(202).body("action", equalTo("note"));

        List<String> revisions = await().atMost(Duration.ofSeconds(30)).until(() -> alerts.getRecords().stream()
                .filter(r -> id.equals(r.key())).map(r -> r.value()).toList(), l -> l.stream()
                        .map(v -> EventJson.read(v, Alert.class)).anyMatch(a -> a.notes() != null && !a.notes().isEmpty()));
        alerts.stop();
        revisions.forEach(v -> assertMatchesSchema(ALERT, v));
        Alert last = EventJson.read(revisions.get(revisions.size() - 1), Alert.class);
        assertEquals("dana", last.assignee());
        assertEquals(Alert.State.OPEN, last.state());
        assertEquals(1, last.notes().size());
        assertEquals("rosa", last.notes().get(0).by());
        assertEquals(CLEANED_NOTE, last.notes().get(0).text(), "control characters dropped, the line break kept");
        assertEquals(List.of("assign", "note"), last.staffActions().stream().map(Alert.StaffAction::action).toList());
        assertEquals("dana", last.staffActions().get(0).detail());
        assertTrue(revisions.stream().map(v -> EventJson.read(v, Alert.class)).anyMatch(a -> "dana".equals(a.assignee())
                && (a.notes() == null || a.notes().isEmpty())), "the assignment is a revision of its own");
        reader().get("/api/incidents/" + id).then().body("assignee", equalTo("dana"))
                .body("notes[0].text", equalTo(CLEANED_NOTE));

        // A second furious mention folds in: the update email tells who owns it and the latest note, as text.
        send(ScoredMentions.of("staffco", "Staff Co", "Same here: rude staff and a cold, dirty table. Awful!", -0.9,
                Label.NEGATIVE), Instant.now());
        MimeMessage update = awaitMails("pr@staffco.example", 2).get(1);
        assertTrue(Mails.subject(update).startsWith("[Earshot] Update · "), Mails.subject(update));
        String html = MailParts.html(update);
        assertFalse(html.contains("<script>alert(1)"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("Assigned to dana."), html);
        String text = MailParts.text(update).replace("\r\n", "\n");
        assertTrue(text.contains("Latest note, by rosa: " + CLEANED_NOTE), text);

        Response ack = given().redirects().follow(false).post("/ack/" + ackToken(update));
        assertEquals(303, ack.statusCode(), ack.asString());
        assertEquals(CONSOLE + "/incidents/" + id + "?notice=accepted", ack.header("Location"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reader().get("/api/incidents/" + id).then()
                .body("state", equalTo("acknowledged")).body("assignee", equalTo("dana")));

        staff().queryParam("by", "rosa").post("/api/incidents/" + id + "/unassign").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reader().get("/api/incidents/" + id).then()
                .body("assignee", org.hamcrest.Matchers.nullValue())
                .body("staffActions.action", org.hamcrest.Matchers.hasItems("assign", "note", "acknowledge",
                        "unassign")));
    }

    @Test
    void badAssignmentsAndNotesGetAClearJsonErrorAndChangeNothing() {
        send(ScoredMentions.of("badinputco", "Bad Input Co", "Found a hair in the soup and nobody cared. Awful!", -0.95,
                Label.NEGATIVE), Instant.now());
        String id = Mails.header(awaitMails("pr@badinputco.example", 1).get(0), AlertMailer.INCIDENT_HEADER);
        String path = "/api/incidents/" + id;
        staff().post(path + "/assign").then().statusCode(400).contentType(ContentType.JSON)
                .body("error", containsString("to (whom to assign the incident to) is missing"));
        staff().queryParam("to", "dana\r\nBcc: evil@x").post(path + "/assign").then().statusCode(400)
                .body("error", containsString("without control characters"));
        staff().queryParam("to", "x".repeat(101)).post(path + "/assign").then().statusCode(400)
                .body("error", containsString("at most 100 characters"));
        staff().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(Alert.Note.MAX_TEXT + 1)))
                .post(path + "/note").then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("text is 2001 characters; a note is at most 2000"));
        staff().contentType(ContentType.JSON).body(Map.of("text", " \u0007\t ")).post(path + "/note").then()
                .statusCode(400).body("error", containsString("text is missing or empty"));
        staff().contentType(ContentType.JSON).body(Map.of("text", "fine")).queryParam("by", "a\nb")
                .post(path + "/note").then().statusCode(400).body("error", containsString("by must be"));
        staff().queryParam("to", "dana").post("/api/incidents/no-such-incident/assign").then().statusCode(404)
                .contentType(ContentType.JSON).body("error", equalTo("no incident no-such-incident"));
        staff().queryParam("minutes", 0).post(path + "/snooze").then().statusCode(400)
                .body("error", containsString("minutes must be between 1 and 10080"));
        reader().queryParam("to", "dana").post(path + "/assign").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("text", "hi")).post(path + "/note").then().statusCode(401);
        reader().get(path).then().body("assignee", org.hamcrest.Matchers.nullValue())
                .body("notes", org.hamcrest.Matchers.empty());
    }

    private static String ackToken(MimeMessage mail) {
        Matcher m = Pattern.compile("/ack/([A-Za-z0-9_.-]+)").matcher(MailParts.text(mail));
        assertTrue(m.find(), MailParts.text(mail));
        return m.group(1);
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(AlertServiceTest.READ_TOKEN);
    }

    private static RequestSpecification staff() {
        return given().auth().oauth2(AlertServiceTest.API_TOKEN);
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
