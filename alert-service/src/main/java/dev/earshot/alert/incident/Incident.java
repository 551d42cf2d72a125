package dev.earshot.alert.incident;

import dev.earshot.alert.notification.NotificationPolicy;
import dev.earshot.events.Alert;
import dev.earshot.events.BrandRef;
import dev.earshot.events.ScoredMention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident as alert-service keeps it in its changelog-backed store: what is published on
 * {@code alerts} (see {@link #toAlert}) plus the bookkeeping for notifications. Public fields for
 * the JSON store serde; {@link IncidentLifecycle} is what changes them.
 */
public final class Incident {

    public String id;
    public int revision;
    public BrandRef brand;
    public Alert.Kind kind;
    public Alert.Severity severity;
    public Alert.State state;
    /** What incidents of a brand are grouped by ({@code negative} or {@code drift}). */
    public String cause;
    public Alert.Reason why;
    /** The worst mentions, most negative first. */
    public List<ScoredMention> mentions = new ArrayList<>();
    /** Mentions folded into the incident, and how many of them are complaints. */
    public int mentionCount;
    public int complaintCount;
    public Map<String, Integer> aspects = new LinkedHashMap<>();
    public Instant raisedAt;
    public Instant updatedAt;
    /** Event time of the newest mention that fired a rule: the fold window runs from here. */
    public long lastDetectionMs;
    public String acknowledgedBy;
    public Instant acknowledgedAt;
    public Instant snoozedUntil;
    /**
     * The revision at which the incident was last opened or re-opened: an acknowledge link sent for an
     * earlier revision belongs to an earlier alert (0 for incidents stored before this field existed).
     */
    public int episodeRevision;
    /** The revision whose acknowledge link acknowledged the incident, so a second click reads "already used". */
    public Integer ackLinkRevision;
    /** Who owns the incident now (assign / unassign); null while nobody does. */
    public String assignee;
    /** The latest notes staff wrote, oldest first, at most {@link Alert#MAX_NOTES}. */
    public List<Alert.Note> notes = new ArrayList<>();
    /** The latest staff actions, oldest first, at most {@link Alert#MAX_STAFF_ACTIONS}. */
    public List<Alert.StaffAction> staffActions = new ArrayList<>();
    /** When the last staff command applied was asked ({@link IncidentCommand#at()}): older ones are replays. */
    public Instant lastCommandAt;

    /** Whether anyone was told about this incident yet, and the wall-clock time of the last time. */
    public boolean notified;
    public long lastNotifiedMs;
    /** A change not yet told because of the update interval or a snooze. */
    public boolean updatePending;
    public boolean escalated;
    /** A LOW incident waiting for the next digest. */
    public boolean inDigest;

    /** Whether an email about {@code revision} was sent in the incident's current episode (since it last opened). */
    public boolean sameEpisode(int revision) {
        return revision >= episodeRevision;
    }

    /** What the notification policy looks at. */
    public NotificationPolicy.Subject subject() {
        return new NotificationPolicy.Subject(severity, state, snoozedUntil, raisedAt,
                new NotificationPolicy.Notice(notified, lastNotifiedMs, updatePending, escalated, inDigest));
    }

    /** Keeps the policy's bookkeeping; true when it changed anything. */
    public boolean keep(NotificationPolicy.Notice n) {
        boolean changed = notified != n.notified() || lastNotifiedMs != n.lastNotifiedMs()
                || updatePending != n.updatePending() || escalated != n.escalated() || inDigest != n.inDigest();
        notified = n.notified();
        lastNotifiedMs = n.lastNotifiedMs();
        updatePending = n.updatePending();
        escalated = n.escalated();
        inDigest = n.inDigest();
        return changed;
    }

    public Alert toAlert() {
        List<Alert.AspectCount> top = aspects.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> new Alert.AspectCount(e.getKey(), e.getValue())).toList();
        return new Alert(Alert.SCHEMA_VERSION, id, revision, brand, kind, severity, state, why, List.copyOf(mentions),
                raisedAt, updatedAt, top, Reach.estimate(complaintCount), acknowledgedBy, acknowledgedAt, snoozedUntil, assignee,
                List.copyOf(notes == null ? List.of() : notes),
                List.copyOf(staffActions == null ? List.of() : staffActions));
    }
}
