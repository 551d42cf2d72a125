package dev.earshot.events;

import static dev.earshot.events.ContractAssert.ALERT;
import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.SCORED_MENTION;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static dev.earshot.events.ContractAssert.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventContractTest {

    static Mention mention() {
        return new Mention(Mention.SCHEMA_VERSION, MentionIds.id("feed-1", null, "https://x.example/r/1", "t"),
                MentionIds.contentHash("Title", "Awful"), new BrandRef("acme", "Acme"),
                new SourceRef("feed-1", "feed", "https://x.example/feed"), "https://x.example/r/1", "Title",
                "Awful service", "Ann", new Rating(1, 5), Instant.parse("2026-11-22T09:00:00Z"),
                Instant.parse("2026-11-22T09:01:00Z"), List.of("acme"));
    }

    static ScoredMention scored() {
        return new ScoredMention(ScoredMention.SCHEMA_VERSION, mention(), -0.7, Label.NEGATIVE, true,
                Intent.COMPLAINT, List.of("staff"), List.of(new Contribution("awful", "lexicon", -0.7)), "en", false,
                Instant.parse("2026-11-22T09:01:01Z"));
    }

    @Test
    void aScoreWithConfidenceAndProbabilitiesFollowsItsSchemaAndAnOldOneStillReads() {
        ScoredMention old = scored();
        ScoredMention sure = new ScoredMention(old.schemaVersion(), old.mention(), old.score(), old.label(),
                old.complaint(), old.intent(), old.aspects(), old.explanation(), old.language(), old.ratingConflict(),
                old.scoredAt(), 0.91, new ScoredMention.Probabilities(0.91, 0.06, 0.03, 0.88));
        String json = EventJson.writeString(sure);
        assertMatchesSchema(SCORED_MENTION, json);
        assertEquals(sure, EventJson.read(json, ScoredMention.class));
        String before = EventJson.writeString(old).replace(",\"confidence\":null", "").replace(",\"probabilities\":null", "");
        assertTrue(!before.contains("confidence"), before);
        assertEquals(old, EventJson.read(before, ScoredMention.class));
    }

    @Test
    void writtenEventsFollowTheirSchemas() {
        assertMatchesSchema(MENTION, EventJson.writeString(mention()));
        assertMatchesSchema(SCORED_MENTION, EventJson.writeString(scored()));
        Alert alert = new Alert(Alert.SCHEMA_VERSION, "inst-1", 1, new BrandRef("acme", "Acme"), Alert.Kind.INSTANT,
                Alert.Severity.HIGH, Alert.State.OPEN, new Alert.Reason("r", "s", Map.of("score", -0.7)),
                List.of(scored()), Instant.now(), Instant.now());
        assertMatchesSchema(ALERT, EventJson.writeString(alert));
    }

    @Test
    void alertWithTheOptionalIncidentFieldsFollowsItsSchemaAndReadsBack() {
        Alert alert = new Alert(Alert.SCHEMA_VERSION, "spike-acme-1", 3, new BrandRef("acme", "Acme"), Alert.Kind.SPIKE,
                Alert.Severity.HIGH, Alert.State.ACKNOWLEDGED,
                new Alert.Reason("negative-count-spike", "s", Map.of("count", 9.0, "expected", 0.4)),
                List.of(scored()), Instant.parse("2026-11-22T09:00:00Z"), Instant.parse("2026-11-22T09:10:00Z"),
                List.of(new Alert.AspectCount("staff", 4)),
                new Alert.Reach(9, 234, 2187, 3645, "Estimate: 26 silent per complaint; 9 to 15 told each."),
                "dana@acme.example", Instant.parse("2026-11-22T09:09:00Z"), null);
        String json = EventJson.writeString(alert);
        assertMatchesSchema(ALERT, json);
        assertEquals(alert, EventJson.read(json, Alert.class));
    }

    @Test
    void anAssignedAlertWithNotesAndStaffActionsFollowsItsSchemaAndReadsBack() {
        Instant at = Instant.parse("2026-11-22T09:20:00Z");
        Alert alert = new Alert(Alert.SCHEMA_VERSION, "spike-acme-1", 5, new BrandRef("acme", "Acme"), Alert.Kind.SPIKE,
                Alert.Severity.HIGH, Alert.State.ACKNOWLEDGED, new Alert.Reason("negative-count-spike", "s", Map.of()),
                List.of(scored()), at, at, null, null, "rosa", at, null, "dana",
                List.of(new Alert.Note("rosa", at, "Called the store.\n<script>alert(1)</script> stays text")),
                List.of(new Alert.StaffAction("assign", "rosa", at.minusSeconds(30), "dana"),
                        new Alert.StaffAction("note", "rosa", at, null)));
        String json = EventJson.writeString(alert);
        assertMatchesSchema(ALERT, json);
        assertEquals(alert, EventJson.read(json, Alert.class));
        assertTrue(json.contains("\"assignee\":\"dana\""), json);

        String tooLong = json.replace("Called the store.", "x".repeat(Alert.Note.MAX_TEXT));
        assertThrows(AssertionError.class, () -> assertMatchesSchema(ALERT, tooLong), "a note is bounded");
        String noAt = json.replace("{\"by\":\"rosa\",\"at\":\"2026-11-22T09:20:00Z\",\"text\"", "{\"by\":\"rosa\",\"text\"");
        assertTrue(!noAt.equals(json));
        assertThrows(AssertionError.class, () -> assertMatchesSchema(ALERT, noAt), "a note says when");
    }

    @Test
    void anAlertWrittenBeforeTheOptionalFieldsExistedStillReads() {
        Alert old = new Alert(Alert.SCHEMA_VERSION, "inst-1", 1, new BrandRef("acme", "Acme"), Alert.Kind.INSTANT,
                Alert.Severity.HIGH, Alert.State.OPEN, new Alert.Reason("r", "s", Map.of()), List.of(),
                Instant.parse("2026-11-22T09:00:00Z"), Instant.parse("2026-11-22T09:00:00Z"));
        String json = EventJson.writeString(old).replaceAll(",\"(topAspects|reach|acknowledgedBy|acknowledgedAt|snoozedUntil|assignee|notes|staffActions)\":null", "");
        assertTrue(!json.contains("reach"), json);
        assertMatchesSchema(ALERT, json);
        assertEquals(old, EventJson.read(json, Alert.class));
    }

    @Test
    void documentedExamplesAreReadableAndValid() {
        for (String name : List.of(MENTION, SCORED_MENTION, ALERT, ContractAssert.MONITOR_EVENT)) {
            assertMatchesSchema(name, example(name));
        }
        Mention m = EventJson.read(example(MENTION), Mention.class);
        assertEquals("northwind", m.brand().id());
        assertEquals(new Rating(1, 5), m.rating());
        ScoredMention s = EventJson.read(example(SCORED_MENTION), ScoredMention.class);
        assertEquals(Label.NEGATIVE, s.label());
        assertEquals(Intent.COMPLAINT, s.intent());
        Alert a = EventJson.read(example(ALERT), Alert.class);
        assertEquals(Alert.Kind.INSTANT, a.kind());
        MonitorEvent e = EventJson.read(example(ContractAssert.MONITOR_EVENT), MonitorEvent.class);
        assertEquals(MonitorEvent.Status.FAILING, e.status());
        assertMatchesSchema(ContractAssert.MONITOR_EVENT, EventJson.writeString(e));
    }

    @Test
    void schemaRejectsAMentionWithoutBrand() {
        String json = EventJson.writeString(mention()).replace("\"brand\":{\"id\":\"acme\",\"name\":\"Acme\"},", "");
        assertThrows(AssertionError.class, () -> assertMatchesSchema(MENTION, json));
    }

    @Test
    void readerExplainsWhatIsWrong() {
        MalformedEventException notJson = assertThrows(MalformedEventException.class,
                () -> EventJson.read("{not json", Mention.class));
        assertTrue(notJson.getMessage().startsWith("not a Mention"), notJson.getMessage());
        MalformedEventException noBrand = assertThrows(MalformedEventException.class,
                () -> EventJson.read("{\"schemaVersion\":1,\"id\":\"x\",\"source\":{\"id\":\"s\"},\"text\":\"t\"}",
                        Mention.class));
        assertEquals("brand.id is missing", noBrand.getMessage());
        assertThrows(MalformedEventException.class, () -> EventJson.read("", Mention.class));
    }

    @Test
    void unknownFieldsAreIgnoredSoAddingAFieldIsNotBreaking() {
        String json = EventJson.writeString(mention()).replaceFirst("\\{", "{\"addedLater\":42,");
        assertEquals(mention(), EventJson.read(json, Mention.class));
    }
}
