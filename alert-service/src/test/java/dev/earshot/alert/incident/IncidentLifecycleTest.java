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
}
