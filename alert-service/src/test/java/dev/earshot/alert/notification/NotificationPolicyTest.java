package dev.earshot.alert.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.alert.incident.Incident;
import dev.earshot.events.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

    static final long MIN = 60_000;
    final NotificationPolicy policy = new NotificationPolicy(Duration.ofMinutes(15), Duration.ofMinutes(30));

    static Incident incident(Alert.Severity severity) {
        Incident inc = new Incident();
        inc.id = "x";
        inc.severity = severity;
        inc.state = Alert.State.OPEN;
        inc.raisedAt = Instant.ofEpochMilli(0);
        return inc;
    }

    @Test
    void firstAtOnceThenAtMostOneUpdatePerInterval() {
        Incident inc = incident(Alert.Severity.MEDIUM);
        assertEquals(Optional.of(Notification.Purpose.OPENED), policy.onDetection(inc, true, false, 0));
        assertEquals(Optional.empty(), policy.onDetection(inc, false, false, MIN));
        assertEquals(Optional.empty(), policy.onDetection(inc, false, false, 2 * MIN));
        assertEquals(Optional.empty(), policy.onTick(inc, 10 * MIN));
        assertEquals(Optional.of(Notification.Purpose.UPDATED), policy.onTick(inc, 15 * MIN));
        assertEquals(Optional.empty(), policy.onTick(inc, 40 * MIN), "nothing pending");
        assertEquals(Optional.of(Notification.Purpose.UPDATED), policy.onDetection(inc, false, false, 40 * MIN),
                "the interval is over: an update at once");
    }

    @Test
    void lowSeverityWaitsForTheDigestAndSnoozeHoldsEverything() {
        Incident low = incident(Alert.Severity.LOW);
        assertEquals(Optional.empty(), policy.onDetection(low, true, false, 0));
        assertTrue(low.inDigest);
        Incident snoozed = incident(Alert.Severity.HIGH);
        snoozed.snoozedUntil = Instant.ofEpochMilli(60 * MIN);
        assertEquals(Optional.empty(), policy.onDetection(snoozed, true, false, 0));
        assertEquals(Optional.empty(), policy.onTick(snoozed, 59 * MIN));
        assertEquals(Optional.of(Notification.Purpose.OPENED), policy.onTick(snoozed, 61 * MIN),
                "held back while snoozed, told after");
    }

    @Test
    void unacknowledgedHighEscalatesOnceAcknowledgedDoesNot() {
        Incident high = incident(Alert.Severity.HIGH);
        policy.onDetection(high, true, false, 0);
        assertEquals(Optional.empty(), policy.onTick(high, 29 * MIN));
        assertEquals(Optional.of(Notification.Purpose.ESCALATED), policy.onTick(high, 30 * MIN));
        assertEquals(Optional.empty(), policy.onTick(high, 90 * MIN));
        Incident acked = incident(Alert.Severity.HIGH);
        policy.onDetection(acked, true, false, 0);
        acked.state = Alert.State.ACKNOWLEDGED;
        assertEquals(Optional.empty(), policy.onTick(acked, 90 * MIN));
    }

    @Test
    void reopenedIsToldAtOnce() {
        Incident inc = incident(Alert.Severity.MEDIUM);
        policy.onDetection(inc, true, false, 0);
        assertEquals(Optional.of(Notification.Purpose.REOPENED), policy.onDetection(inc, false, true, MIN));
    }
}
