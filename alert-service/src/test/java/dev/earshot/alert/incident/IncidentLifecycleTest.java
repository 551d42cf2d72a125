package dev.earshot.alert.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.alert.detection.Detection;
import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.events.Alert;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {

    final IncidentLifecycle lifecycle = new IncidentLifecycle(Duration.ofHours(6), 3, 1000);
    final Instant now = Instant.parse("2026-11-22T09:00:00Z");

    static Detection spike(Alert.Severity severity) {
        return new Detection(Alert.Kind.SPIKE, severity, Detection.CAUSE_NEGATIVE, "negative-count-spike", "s",
                Map.of("count", 5.0));
    }

    static ScoredMention m(String text, double score, String... aspects) {
        return ScoredMentions.of("acme", "Acme", text, score, Label.NEGATIVE, new Rating(1, 5), List.of(aspects));
    }

    @Test
    void foldsWithinTheWindowKeepsTheWorstMentionsAndCountsAspects() {
        Incident inc = lifecycle.open(spike(Alert.Severity.MEDIUM), m("late", -0.4, "delivery"), 0, now);
        assertEquals(1, inc.revision);
        assertTrue(inc.id.startsWith("spike-acme-"));
        lifecycle.fold(inc, spike(Alert.Severity.HIGH), m("rude", -0.9, "staff", "delivery"), 60_000, now);
        lifecycle.fold(inc, spike(Alert.Severity.MEDIUM), m("cold", -0.5), 120_000, now);
        lifecycle.fold(inc, spike(Alert.Severity.MEDIUM), m("dirty", -0.7), 180_000, now);
        assertEquals(4, inc.revision);
        assertEquals(Alert.Severity.HIGH, inc.severity, "severity only rises");
        assertEquals(List.of(-0.9, -0.7, -0.5), inc.mentions.stream().map(ScoredMention::score).toList());
        Alert alert = inc.toAlert();
        assertEquals(new Alert.AspectCount("delivery", 2), alert.topAspects().get(0));
        assertEquals(4, alert.reach().complaints());
        assertEquals(4 * 27 * 9, alert.reach().peopleToldLow());
        assertEquals(4 * 27 * 15, alert.reach().peopleToldHigh());
        assertTrue(lifecycle.folds(inc, 180_000 + Duration.ofHours(6).toMillis()));
        assertFalse(lifecycle.folds(inc, 180_001 + Duration.ofHours(6).toMillis()));
    }

    @Test
    void acknowledgeResolveSnoozeAndReopen() {
        Incident inc = lifecycle.open(spike(Alert.Severity.MEDIUM), m("late", -0.4), 0, now);
        IncidentCommand ack = new IncidentCommand(inc.id, "acme", IncidentCommand.Action.ACKNOWLEDGE, "dana", 0, now);
        assertTrue(lifecycle.apply(inc, ack, now));
        assertFalse(lifecycle.apply(inc, ack, now), "acknowledging twice changes nothing");
        assertEquals(Alert.State.ACKNOWLEDGED, inc.state);
        assertEquals("dana", inc.acknowledgedBy);
        assertFalse(lifecycle.fold(inc, spike(Alert.Severity.MEDIUM), m("more", -0.5), 1, now),
                "more of the same stays acknowledged");
        assertTrue(lifecycle.fold(inc, spike(Alert.Severity.HIGH), m("worse", -0.9), 2, now),
                "a worse surge re-opens");
        assertEquals(Alert.State.OPEN, inc.state);
        assertTrue(lifecycle.apply(inc, new IncidentCommand(inc.id, "acme", IncidentCommand.Action.SNOOZE, "dana", 30,
                now), now));
        assertEquals(now.plus(Duration.ofMinutes(30)), inc.snoozedUntil);
        assertTrue(lifecycle.apply(inc, new IncidentCommand(inc.id, "acme", IncidentCommand.Action.RESOLVE, "dana", 0,
                now), now));
        assertTrue(lifecycle.fold(inc, spike(Alert.Severity.MEDIUM), m("again", -0.5), 3, now));
        assertEquals(Alert.State.OPEN, inc.state);
    }

    @Test
    void noComplaintNoReachEstimate() {
        assertNull(Reach.estimate(0));
    }

    @Test
    void assignUnassignAndNotesAreRevisionsWithTheirStaffActionsAndOnlyTheLatestNotesAreKept() {
        Incident inc = lifecycle.open(spike(Alert.Severity.MEDIUM), m("late", -0.4), 0, now);
        Instant t = now.plusSeconds(10);
        assertTrue(lifecycle.apply(inc, IncidentCommand.assign(inc.id, "acme", "dana", "rosa", t), t));
        assertFalse(lifecycle.apply(inc, IncidentCommand.assign(inc.id, "acme", "dana", "rosa", t.plusSeconds(1)), t),
                "assigning to the owner changes nothing");
        assertEquals(2, inc.revision);
        assertEquals("dana", inc.toAlert().assignee());
        assertEquals(Alert.State.OPEN, inc.state, "assigning is not acknowledging");
        for (int i = 0; i < Alert.MAX_NOTES + 5; i++) {
            Instant at = t.plusSeconds(60 + i);
            assertTrue(lifecycle.apply(inc, IncidentCommand.note(inc.id, "acme", "note " + i, "dana", at), at));
        }
        Alert alert = inc.toAlert();
        assertEquals(Alert.MAX_NOTES, alert.notes().size(), "bounded");
        assertEquals("note 5", alert.notes().get(0).text(), "the oldest dropped");
        assertEquals(new Alert.Note("dana", t.plusSeconds(60 + Alert.MAX_NOTES + 4), "note " + (Alert.MAX_NOTES + 4)),
                alert.notes().get(Alert.MAX_NOTES - 1));
        assertTrue(lifecycle.apply(inc, new IncidentCommand(inc.id, "acme", IncidentCommand.Action.UNASSIGN, "rosa", 0,
                t.plusSeconds(600)), t.plusSeconds(600)));
        assertFalse(lifecycle.apply(inc, new IncidentCommand(inc.id, "acme", IncidentCommand.Action.UNASSIGN, "rosa", 0,
                t.plusSeconds(601)), t.plusSeconds(601)), "nobody to take it from");
        alert = inc.toAlert();
        assertNull(alert.assignee());
        assertEquals(new Alert.StaffAction("assign", "rosa", t, "dana"), alert.staffActions().get(0));
        assertEquals(new Alert.StaffAction("unassign", "rosa", t.plusSeconds(600), null),
                alert.staffActions().get(alert.staffActions().size() - 1));
        assertEquals(1 + 1 + Alert.MAX_NOTES + 5 + 1, alert.revision());
    }

    @Test
    void aNoteIsCleanedOfControlCharactersAndTheGateRefusesOneThatIsNot() {
        assertEquals("line one\nline two  tab", NoteText.clean("  line one\r\nline\u0000 two\u0007 \ttab\u202E "));
        assertTrue(NoteText.acceptable("Called the store.\nDana answers."));
        assertFalse(NoteText.acceptable("bell\u0007"));
        assertFalse(NoteText.acceptable(""));
        assertFalse(NoteText.acceptable("x".repeat(Alert.Note.MAX_TEXT + 1)));
        assertTrue(NoteText.acceptable("x".repeat(Alert.Note.MAX_TEXT)));
        CommandSignatures signatures = new CommandSignatures("k".repeat(32).getBytes());
        CommandGate gate = new CommandGate(signatures);
        String dirty = dev.earshot.events.EventJson.writeString(signatures.sign(
                IncidentCommand.note("spike-acme-1", "acme", "bell\u0007", "dana", now)));
        assertEquals("bad-field", ((CommandGate.Refused) gate.check(dirty)).reason());
        String noOne = dev.earshot.events.EventJson.writeString(signatures.sign(
                IncidentCommand.assign("spike-acme-1", "acme", " ", "dana", now)));
        assertEquals("bad-field", ((CommandGate.Refused) gate.check(noOne)).reason());
        String fine = dev.earshot.events.EventJson.writeString(signatures.sign(
                IncidentCommand.assign("spike-acme-1", "acme", "dana", "rosa", now)));
        assertTrue(gate.check(fine) instanceof CommandGate.Accepted);
        String ack = dev.earshot.events.EventJson.writeString(signatures.sign(new IncidentCommand("spike-acme-1", "acme",
                IncidentCommand.Action.ACKNOWLEDGE, "dana", 0, now)));
        assertFalse(ack.contains("assignee") || ack.contains("\"text\""),
                "the other actions' commands read as before the new fields: " + ack);
    }
}
