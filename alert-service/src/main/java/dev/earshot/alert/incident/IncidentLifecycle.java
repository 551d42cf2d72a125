package dev.earshot.alert.incident;

import dev.earshot.alert.detection.Detection;
import dev.earshot.events.Alert;
import dev.earshot.events.ScoredMention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Folds alerts into incidents: {@code open → acknowledged → resolved}, re-opened when the same brand
 * and cause surges again within the fold window; staff acknowledge, resolve, snooze, assign it and write notes on
 * it. Every change is a new revision.
 */
public final class IncidentLifecycle {

    private final Duration foldWindow;
    private final int worstMentions;
    private final int excerptChars;

    /** @param excerptChars characters of each mention's text an incident keeps (the rest stays on mentions-scored) */
    public IncidentLifecycle(Duration foldWindow, int worstMentions, int excerptChars) {
        this.foldWindow = foldWindow;
        this.worstMentions = worstMentions;
        this.excerptChars = excerptChars;
    }

    /** Whether a detection at {@code eventMs} belongs to {@code current} rather than a new incident. */
    public boolean folds(Incident current, long eventMs) {
        return current != null && eventMs - current.lastDetectionMs <= foldWindow.toMillis();
    }

    /** A new incident, revision 1, whose id is derived from what raised it (so a replay finds the same id). */
    public Incident open(Detection d, ScoredMention scored, long eventMs, Instant now) {
        Incident inc = new Incident();
        inc.id = id(d, scored, eventMs);
        inc.revision = 1;
        inc.episodeRevision = 1;
        inc.brand = scored.mention().brand();
        inc.kind = d.kind();
        inc.severity = d.severity();
        inc.state = Alert.State.OPEN;
        inc.cause = d.cause();
        inc.why = new Alert.Reason(d.rule(), d.summary(), d.figures());
        inc.raisedAt = now;
        inc.updatedAt = now;
        add(inc, scored);
        inc.lastDetectionMs = eventMs;
        return inc;
    }

    /**
     * Adds a detection and its mention to an incident.
     *
     * @return true when the incident was acknowledged or resolved and this surge re-opened it
     */
    public boolean fold(Incident inc, Detection d, ScoredMention scored, long eventMs, Instant now) {
        // Staff who acknowledged are on it: more of the same stays acknowledged; a worse surge re-opens.
        boolean reopened = inc.state == Alert.State.RESOLVED
                || (inc.state == Alert.State.ACKNOWLEDGED && d.severity().compareTo(inc.severity) > 0);
        if (reopened) {
            inc.state = Alert.State.OPEN;
            inc.escalated = false;
        }
        inc.revision++;
        if (reopened) {
            inc.episodeRevision = inc.revision;
        }
        if (d.severity().compareTo(inc.severity) > 0) {
            inc.severity = d.severity();
        }
        inc.why = new Alert.Reason(d.rule(), d.summary(), d.figures());
        inc.updatedAt = now;
        add(inc, scored);
        inc.lastDetectionMs = Math.max(inc.lastDetectionMs, eventMs);
        return reopened;
    }

    /** Applies a staff command; false when it changes nothing (already in that state, unknown action). */
    public boolean apply(Incident inc, IncidentCommand cmd, Instant now) {
        if (cmd.action() == null) {
            return false;
        }
        switch (cmd.action()) {
            case ACKNOWLEDGE -> {
                if (inc.state != Alert.State.OPEN) {
                    return false;
                }
                inc.state = Alert.State.ACKNOWLEDGED;
                inc.acknowledgedBy = cmd.by();
                inc.acknowledgedAt = now;
                inc.ackLinkRevision = cmd.linkRevision();
            }
            case RESOLVE -> {
                if (inc.state == Alert.State.RESOLVED) {
                    return false;
                }
                inc.state = Alert.State.RESOLVED;
                inc.updatePending = false;
            }
            case SNOOZE -> {
                if (cmd.snoozeMinutes() <= 0) {
                    return false;
                }
                inc.snoozedUntil = now.plus(Duration.ofMinutes(cmd.snoozeMinutes()));
            }
            case ASSIGN -> {
                if (cmd.assignee() == null || cmd.assignee().equals(inc.assignee)) {
                    return false;
                }
                inc.assignee = cmd.assignee();
            }
            case UNASSIGN -> {
                if (inc.assignee == null) {
                    return false;
                }
                inc.assignee = null;
            }
            case NOTE -> {
                if (cmd.text() == null || cmd.text().isEmpty()) {
                    return false;
                }
                inc.notes = latest(inc.notes, new Alert.Note(who(cmd), cmd.at(), cmd.text()), Alert.MAX_NOTES);
            }
            default -> {
                return false;
            }
        }
        inc.staffActions = latest(inc.staffActions, new Alert.StaffAction(cmd.action().name().toLowerCase(Locale.ROOT),
                who(cmd), cmd.at(), detail(cmd)), Alert.MAX_STAFF_ACTIONS);
        inc.revision++;
        inc.updatedAt = now;
        return true;
    }

    private static String who(IncidentCommand cmd) {
        return cmd.by() == null || cmd.by().isBlank() ? "unknown" : cmd.by();
    }

    private static String detail(IncidentCommand cmd) {
        return switch (cmd.action()) {
            case ASSIGN -> cmd.assignee();
            case SNOOZE -> cmd.snoozeMinutes() + " minutes";
            default -> null;
        };
    }

    /** {@code list} and {@code item} after it, the oldest dropped beyond {@code max}. */
    private static <T> List<T> latest(List<T> list, T item, int max) {
        List<T> all = new ArrayList<>(list == null ? List.of() : list);
        all.add(item);
        return new ArrayList<>(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    private void add(Incident inc, ScoredMention scored) {
        inc.mentionCount++;
        if (scored.complaint() || scored.label() == dev.earshot.events.Label.NEGATIVE) {
            inc.complaintCount++;
        }
        for (String aspect : scored.aspects() == null ? List.<String>of() : scored.aspects()) {
            inc.aspects.merge(aspect.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<ScoredMention> worst = new ArrayList<>(inc.mentions);
        worst.removeIf(m -> m.mention().id().equals(scored.mention().id()));
        worst.add(Excerpt.of(scored, excerptChars));
        worst.sort(Comparator.comparingDouble(ScoredMention::score));
        inc.mentions = new ArrayList<>(worst.subList(0, Math.min(worstMentions, worst.size())));
    }

    static String id(Detection d, ScoredMention scored, long eventMs) {
        String brand = scored.mention().brand().id();
        return switch (d.kind()) {
            case INSTANT -> "instant-" + brand + "-" + scored.mention().id();
            case SPIKE -> "spike-" + brand + "-" + (eventMs / 60_000);
            case DRIFT -> "drift-" + brand + "-" + (eventMs / 60_000);
        };
    }
}
