package dev.earshot.console.web;

import static dev.earshot.console.web.ConsolePagesTest.login;
import static dev.earshot.console.web.ConsolePagesTest.page;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.console.support.AlertServiceStub;
import dev.earshot.console.support.Events;
import dev.earshot.console.support.PostgresResource;
import dev.earshot.console.support.TestUsers;
import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incident's owner, notes, timeline and reply draft as staff meet them: alerts with the new fields read from the
 * real broker into the embedded PostgreSQL, and the assign and note forms sent on to alert-service. alert-service's
 * HTTP API is the stub here; the real path (API, signed command, stream, new revision on alerts) is
 * alert-service's StaffActionsTest.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TestUsers.class)
@WithTestResource(AlertServiceStub.class)
class IncidentStaffPagesTest {

    static final String HOSTILE_NOTE = "Called them.\n<script>alert('note')</script> <img src=x onerror=alert(5)>";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private static boolean seeded;
    private static Instant noted;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ScoredMention m = Events.scored("cd00000000000000000000000000000c", "Slow", "Waited an hour for a coffee",
                "Ann", "https://reviews.example/r/1", -0.8, now);
        Alert opened = Events.alert("inc-staff", 1, Alert.State.OPEN, null, List.of(m), now);
        Instant assignedAt = now.plusSeconds(90);
        noted = now.plusSeconds(100);
        Alert assigned = with(Events.alert("inc-staff", 2, Alert.State.OPEN, null, List.of(m), now), "dana", List.of(),
                List.of(new Alert.StaffAction("assign", "rosa", assignedAt, "dana")));
        Alert withNote = with(Events.alert("inc-staff", 3, Alert.State.OPEN, null, List.of(m), now), "dana",
                List.of(new Alert.Note("rosa", noted, HOSTILE_NOTE)),
                List.of(new Alert.StaffAction("assign", "rosa", assignedAt, "dana"),
                        new Alert.StaffAction("note", "rosa", noted, null)));
        // The last revision twice, as a redelivery would: stored once.
        kafka.produceStrings().fromRecords(record(opened), record(assigned), record(withNote), record(withNote))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().cookie("earshot-console", login("vera"))
                .get("/incidents/inc-staff").then().extract().asString().contains("Called them."));
        seeded = true;
    }

    static Alert with(Alert a, String assignee, List<Alert.Note> notes, List<Alert.StaffAction> actions) {
        return new Alert(a.schemaVersion(), a.incidentId(), a.revision(), a.brand(), a.kind(), a.severity(), a.state(),
                a.why(), a.mentions(), a.raisedAt(), a.updatedAt(), a.topAspects(), a.reach(), a.acknowledgedBy(),
                a.acknowledgedAt(), a.snoozedUntil(), assignee, notes, actions);
    }

    static ProducerRecord<String, String> record(Alert a) {
        return new ProducerRecord<>(Topics.ALERTS, a.incidentId(), EventJson.writeString(a));
    }

    @Test
    void theInboxShowsTheOwnerAndTheIncidentItsNotesTimelineAndReplyDraft() {
        Element row = page("vera", "/incidents").selectFirst("tr[data-href=/incidents/inc-staff]");
        assertEquals("dana", row.select("td").get(4).text(), "the owner column");

        Document inc = page("vera", "/incidents/inc-staff");
        assertEquals("dana", inc.selectFirst(".state .owner").text());
        assertEquals(1, inc.select("ol.notes li.note").size(), "the redelivered revision stored its note once");
        Element note = inc.selectFirst("li.note");
        assertEquals(HOSTILE_NOTE, note.selectFirst(".note-text").wholeText(), "the note as text, line break and all");
        assertTrue(inc.select("main script, main img").isEmpty(), "nothing of the note is markup");
        assertTrue(note.text().contains("rosa"));
        assertEquals(noted.toString(), note.selectFirst("time").attr("datetime"),
                "when, for the page's script to show in the viewer's time zone");

        List<String> lines = inc.select(".timeline li").eachText();
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("revision 1: open"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("rosa assigned it (dana)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("rosa wrote a note")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("revision 3") && l.contains("owner dana")), lines.toString());
        assertEquals(5, inc.select(".timeline li time[datetime]").size(), "every line says when");

        String draft = inc.selectFirst("textarea.reply-draft").wholeText();
        assertTrue(draft.startsWith("We are sorry about the long wait."), "apology first, about what they said: " + draft);
        assertTrue(draft.contains("this week"), "one concrete next step with a time: " + draft);
        assertTrue(draft.contains("make it up to you"), "something extra: " + draft);
        assertTrue(inc.select("#reply ~ details li").eachText().contains(dev.earshot.events.RecoveryGuidance.APOLOGISE_FIRST),
                "the guidance the emails give");
        assertTrue(inc.select("form[action$=/assign], form[action$=/note]").isEmpty(), "a viewer cannot assign or note");
    }

    @Test
    void aResponderAssignsAndWritesANoteThroughAlertServiceAndAViewerCannot() {
        String responder = login("rosa");
        Response page = given().cookie("earshot-console", responder).get("/incidents/inc-staff");
        Document doc = Jsoup.parse(page.asString());
        Element assign = doc.selectFirst("form[action=/incidents/inc-staff/assign]");
        assertNotNull(assign);
        assertEquals(List.of("", "adam", "rosa"), assign.select("select[name=to] option").eachAttr("value"),
                "nobody, or a user who may act");
        Element noteForm = doc.selectFirst("form[action=/incidents/inc-staff/note]");
        assertEquals("2000", noteForm.selectFirst("textarea").attr("maxlength"));
        Element csrf = assign.selectFirst("input[type=hidden]");
        AlertServiceStub.REQUESTS.clear();
        AlertServiceStub.BODIES.clear();

        Response assigned = post(responder, page, csrf, "/incidents/inc-staff/assign", "to", "adam");
        assertEquals(303, assigned.statusCode());
        assertTrue(assigned.header("Location").endsWith("/incidents/inc-staff?notice=accepted"));
        Response nobody = post(responder, page, csrf, "/incidents/inc-staff/assign", "to", "");
        assertTrue(nobody.header("Location").endsWith("notice=accepted"));
        Response stranger = post(responder, page, csrf, "/incidents/inc-staff/assign", "to", "mallory");
        assertTrue(stranger.header("Location").endsWith("notice=not_a_responder"), stranger.header("Location"));
        Response noted = post(responder, page, csrf, "/incidents/inc-staff/note", "text", "  " + HOSTILE_NOTE + " ");
        assertTrue(noted.header("Location").endsWith("notice=accepted"));
        Response tooLong = post(responder, page, csrf, "/incidents/inc-staff/note", "text", "x".repeat(2001));
        assertTrue(tooLong.header("Location").endsWith("notice=bad_note"));

        String bearer = " Bearer " + AlertServiceStub.TOKEN;
        assertEquals(List.of("POST /api/incidents/inc-staff/assign?to=adam&by=rosa" + bearer,
                "POST /api/incidents/inc-staff/unassign?by=rosa" + bearer,
                "POST /api/incidents/inc-staff/note?by=rosa" + bearer), AlertServiceStub.REQUESTS);
        assertEquals(HOSTILE_NOTE, EventJson.mapper().convertValue(
                readTree(AlertServiceStub.BODIES.get(0)).get("text"), String.class));

        String viewer = login("vera");
        Response viewerPage = given().cookie("earshot-console", viewer).get("/incidents/inc-staff");
        assertEquals(403, given().redirects().follow(false).cookie("earshot-console", viewer)
                .cookie("earshot-csrf", viewerPage.cookie("earshot-csrf"))
                .formParam("csrf-token", viewerPage.cookie("earshot-csrf")).formParam("to", "me")
                .post("/incidents/inc-staff/assign").statusCode(), "a viewer cannot assign");
        assertEquals(3, AlertServiceStub.REQUESTS.size());
    }

    @Test
    void theInboxOffersAssignToMeOnTheEKeyToAResponderOnly() {
        Element row = page("rosa", "/incidents").selectFirst("tr[data-href=/incidents/inc-staff]");
        Element form = row.selectFirst("form[data-key=e]");
        assertNotNull(form, "e assigns the selected incident");
        assertEquals("me", form.selectFirst("input[name=to]").val());
        assertNull(page("vera", "/incidents").selectFirst("tr[data-href=/incidents/inc-staff] form[data-key=e]"));
        assertFalse(page("vera", "/incidents").select(".keys").text().contains("assign"));
    }

    private static Response post(String session, Response page, Element csrf, String path, String name, String value) {
        return given().redirects().follow(false).cookie("earshot-console", session)
                .cookie("earshot-csrf", page.cookie("earshot-csrf")).formParam(csrf.attr("name"), csrf.val())
                .formParam(name, value).post(path);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
