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

    /** Asks the policy and keeps its bookkeeping with the incident, as the incident processor does. */
    Optional<Notification.Purpose> onDetection(Incident inc, boolean opened, boolean reopened, long nowMs) {
        NotificationPolicy.Decision d = policy.onDetection(inc.subject(), opened, reopened, nowMs);
        inc.keep(d.notice());
        return d.tell();
    }

    Optional<Notification.Purpose> onTick(Incident inc, long nowMs) {
        NotificationPolicy.Decision d = policy.onTick(inc.subject(), nowMs);
        inc.keep(d.notice());
        return d.tell();
    }

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
        assertEquals(Optional.of(Notification.Purpose.OPENED), onDetection(inc, true, false, 0));
        assertEquals(Optional.empty(), onDetection(inc, false, false, MIN));
        assertEquals(Optional.empty(), onDetection(inc, false, false, 2 * MIN));
        assertEquals(Optional.empty(), onTick(inc, 10 * MIN));
        assertEquals(Optional.of(Notification.Purpose.UPDATED), onTick(inc, 15 * MIN));
        assertEquals(Optional.empty(), onTick(inc, 40 * MIN), "nothing pending");
        assertEquals(Optional.of(Notification.Purpose.UPDATED), onDetection(inc, false, false, 40 * MIN),
                "the interval is over: an update at once");
    }

    @Test
    void lowSeverityWaitsForTheDigestAndSnoozeHoldsEverything() {
        Incident low = incident(Alert.Severity.LOW);
        assertEquals(Optional.empty(), onDetection(low, true, false, 0));
        assertTrue(low.inDigest);
        Incident snoozed = incident(Alert.Severity.HIGH);
        snoozed.snoozedUntil = Instant.ofEpochMilli(60 * MIN);
        assertEquals(Optional.empty(), onDetection(snoozed, true, false, 0));
        assertEquals(Optional.empty(), onTick(snoozed, 59 * MIN));
        assertEquals(Optional.of(Notification.Purpose.OPENED), onTick(snoozed, 61 * MIN),
                "held back while snoozed, told after");
    }

    @Test
    void unacknowledgedHighEscalatesOnceAcknowledgedDoesNot() {
        Incident high = incident(Alert.Severity.HIGH);
        onDetection(high, true, false, 0);
        assertEquals(Optional.empty(), onTick(high, 29 * MIN));
        assertEquals(Optional.of(Notification.Purpose.ESCALATED), onTick(high, 30 * MIN));
        assertEquals(Optional.empty(), onTick(high, 90 * MIN));
        Incident acked = incident(Alert.Severity.HIGH);
        onDetection(acked, true, false, 0);
        acked.state = Alert.State.ACKNOWLEDGED;
        assertEquals(Optional.empty(), onTick(acked, 90 * MIN));
    }

    @Test
    void reopenedIsToldAtOnce() {
        Incident inc = incident(Alert.Severity.MEDIUM);
        onDetection(inc, true, false, 0);
        assertEquals(Optional.of(Notification.Purpose.REOPENED), onDetection(inc, false, true, MIN));
    }

    @Test
    void theDecisionLeavesTheIncidentAsItWas() {
        Incident inc = incident(Alert.Severity.MEDIUM);
        NotificationPolicy.Decision d = policy.onDetection(inc.subject(), true, false, 5 * MIN);
        assertEquals(Optional.of(Notification.Purpose.OPENED), d.tell());
        assertTrue(d.notice().notified());
        assertEquals(5 * MIN, d.notice().lastNotifiedMs());
        assertTrue(!inc.notified && inc.lastNotifiedMs == 0, "only the caller keeps the decision");
    }
}
