package dev.earshot.alert.notification;

import dev.earshot.alert.incident.Incident;
import dev.earshot.events.Alert;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides when an incident change is told, so a storm is one email and a few updates, not fifty:
 * the first alert at once; later revisions at most once per update interval (the newest one, when
 * the interval is over); LOW severity only in the digest; nothing while snoozed; a HIGH incident
 * still open after the escalation delay goes to the escalation list once.
 */
public final class NotificationPolicy {

    private final Duration updateInterval;
    private final Duration escalateAfter;

    public NotificationPolicy(Duration updateInterval, Duration escalateAfter) {
        this.updateInterval = updateInterval;
        this.escalateAfter = escalateAfter;
    }

    /** Called when a detection opened or changed the incident; marks what is left for later. */
    public Optional<Notification.Purpose> onDetection(Incident inc, boolean opened, boolean reopened, long nowMs) {
        if (inc.severity == Alert.Severity.LOW) {
            inc.inDigest = true;
            return Optional.empty();
        }
        if (snoozed(inc, nowMs) || inc.state == Alert.State.RESOLVED) {
            inc.updatePending = true;
            return Optional.empty();
        }
        if (opened || !inc.notified || reopened) {
            return told(inc, nowMs, opened || !inc.notified ? Notification.Purpose.OPENED
                    : Notification.Purpose.REOPENED);
        }
        if (nowMs - inc.lastNotifiedMs >= updateInterval.toMillis()) {
            return told(inc, nowMs, Notification.Purpose.UPDATED);
        }
        inc.updatePending = true;
        return Optional.empty();
    }

    /** Called on every tick of the wall clock: a held-back update whose time has come, or an escalation. */
    public Optional<Notification.Purpose> onTick(Incident inc, long nowMs) {
        if (inc.state == Alert.State.RESOLVED || snoozed(inc, nowMs) || inc.severity == Alert.Severity.LOW) {
            return Optional.empty();
        }
        if (inc.updatePending && (!inc.notified || nowMs - inc.lastNotifiedMs >= updateInterval.toMillis())) {
            return told(inc, nowMs, inc.notified ? Notification.Purpose.UPDATED : Notification.Purpose.OPENED);
        }
        if (inc.severity == Alert.Severity.HIGH && inc.state == Alert.State.OPEN && !inc.escalated && inc.notified
                && inc.raisedAt != null && nowMs - inc.raisedAt.toEpochMilli() >= escalateAfter.toMillis()) {
            inc.escalated = true;
            return Optional.of(Notification.Purpose.ESCALATED);
        }
        return Optional.empty();
    }

    private static Optional<Notification.Purpose> told(Incident inc, long nowMs, Notification.Purpose purpose) {
        inc.notified = true;
        inc.lastNotifiedMs = nowMs;
        inc.updatePending = false;
        return Optional.of(purpose);
    }

    private static boolean snoozed(Incident inc, long nowMs) {
        return inc.snoozedUntil != null && inc.snoozedUntil.toEpochMilli() > nowMs;
    }
}
