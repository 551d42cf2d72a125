package dev.earshot.alert.notification;

import dev.earshot.events.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when an incident change is told, so a storm is one email and a few updates, not fifty:
 * the first alert at once; later revisions at most once per update interval (the newest one, when
 * the interval is over); LOW severity only in the digest; nothing while snoozed; a HIGH incident
 * still open after the escalation delay goes to the escalation list once. It changes nothing: it
 * returns the decision and the bookkeeping the caller keeps with the incident.
 */
public final class NotificationPolicy {

    /** What has been told about an incident so far. */
    public record Notice(boolean notified, long lastNotifiedMs, boolean updatePending, boolean escalated,
            boolean inDigest) {

        public static final Notice NOTHING_TOLD = new Notice(false, 0, false, false, false);

        Notice told(long nowMs) {
            return new Notice(true, nowMs, false, escalated, inDigest);
        }

        Notice pending() {
            return new Notice(notified, lastNotifiedMs, true, escalated, inDigest);
        }
    }

    /** What the policy looks at: the incident's state and what was told about it. */
    public record Subject(Alert.Severity severity, Alert.State state, Instant snoozedUntil, Instant raisedAt,
            Notice notice) {
    }

    /** Tell now (or not), and the bookkeeping to keep. */
    public record Decision(Optional<Notification.Purpose> tell, Notice notice) {

        static Decision quiet(Notice notice) {
            return new Decision(Optional.empty(), notice);
        }
    }

    private final Duration updateInterval;
    private final Duration escalateAfter;

    public NotificationPolicy(Duration updateInterval, Duration escalateAfter) {
        this.updateInterval = updateInterval;
        this.escalateAfter = escalateAfter;
    }

    /** When a detection opened or changed the incident: tell now, or what is left for later. */
    public Decision onDetection(Subject inc, boolean opened, boolean reopened, long nowMs) {
        Notice n = inc.notice();
        if (inc.severity() == Alert.Severity.LOW) {
            return Decision.quiet(new Notice(n.notified(), n.lastNotifiedMs(), n.updatePending(), n.escalated(), true));
        }
        if (snoozed(inc, nowMs) || inc.state() == Alert.State.RESOLVED) {
            return Decision.quiet(n.pending());
        }
        if (opened || !n.notified() || reopened) {
            return told(n, nowMs, opened || !n.notified() ? Notification.Purpose.OPENED
                    : Notification.Purpose.REOPENED);
        }
        if (nowMs - n.lastNotifiedMs() >= updateInterval.toMillis()) {
            return told(n, nowMs, Notification.Purpose.UPDATED);
        }
        return Decision.quiet(n.pending());
    }

    /** On every tick of the wall clock: a held-back update whose time has come, or an escalation. */
    public Decision onTick(Subject inc, long nowMs) {
        Notice n = inc.notice();
        if (inc.state() == Alert.State.RESOLVED || snoozed(inc, nowMs) || inc.severity() == Alert.Severity.LOW) {
            return Decision.quiet(n);
        }
        if (n.updatePending() && (!n.notified() || nowMs - n.lastNotifiedMs() >= updateInterval.toMillis())) {
            return told(n, nowMs, n.notified() ? Notification.Purpose.UPDATED : Notification.Purpose.OPENED);
        }
        if (inc.severity() == Alert.Severity.HIGH && inc.state() == Alert.State.OPEN && !n.escalated() && n.notified()
                && inc.raisedAt() != null && nowMs - inc.raisedAt().toEpochMilli() >= escalateAfter.toMillis()) {
            return new Decision(Optional.of(Notification.Purpose.ESCALATED),
                    new Notice(n.notified(), n.lastNotifiedMs(), n.updatePending(), true, n.inDigest()));
        }
        return Decision.quiet(n);
    }

    private static Decision told(Notice n, long nowMs, Notification.Purpose purpose) {
        return new Decision(Optional.of(purpose), n.told(nowMs));
    }

    private static boolean snoozed(Subject inc, long nowMs) {
        return inc.snoozedUntil() != null && inc.snoozedUntil().toEpochMilli() > nowMs;
    }
}
