package dev.earshot.alert.notification;

import dev.earshot.events.Alert;
import dev.earshot.events.Ids;
import dev.earshot.events.MonitorEvent;
import java.util.List;
import java.util.Optional;

/**
 * Something to tell people, decided once by the incident processor and written to the internal
 * notifications topic; the outbox delivers it on each channel exactly once.
 *
 * @param id       deterministic: incident id + revision + purpose, so a replay yields the same id
 * @param alert    the incident revision told about (null for digests and monitor events)
 * @param digest   the LOW incidents of a digest
 * @param monitor  the monitor event behind a "monitor broken" email
 */
public record Notification(String id, Purpose purpose, String brandId, Alert alert, List<Alert> digest,
        MonitorEvent monitor) {

    /** Internal topic of notifications to deliver, keyed by notification id; read by {@link OutboxWorker}. */
    public static final String TOPIC = "alert-service-notifications";

    public enum Purpose {
        /** The first alert of an incident: sent at once. */
        OPENED,
        /** A later revision of an open incident: at most one per update interval. */
        UPDATED,
        /** A resolved or acknowledged incident that surged again. */
        REOPENED,
        /** A HIGH incident nobody acknowledged in time: to the brand's escalation list. */
        ESCALATED,
        /** The brand's LOW incidents of the last digest interval. */
        DIGEST,
        /** A source ingest-service can no longer read: to the operators. */
        MONITOR
    }

    /**
     * Why the outbox could not act on this notification (a record on the internal topic that this service did
     * not write as it writes them), or empty when it can be delivered.
     */
    public Optional<String> problem() {
        if (id == null || id.isEmpty() || id.length() > 300 || id.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("id " + Ids.quoted(id) + " is missing, longer than 300 characters or has control characters");
        }
        if (purpose == null) {
            return Optional.of("no purpose");
        }
        if (brandId != null && !Ids.isCatalogId(brandId)) {
            return Optional.of("brandId " + Ids.quoted(brandId) + " is malformed");
        }
        return switch (purpose) {
            case DIGEST -> brandId == null || digest == null || digest.stream().anyMatch(a -> alertProblem(a) != null)
                    ? Optional.of("a digest needs its brandId and well-formed alerts") : Optional.empty();
            case MONITOR -> monitor == null || monitor.status() == null || !Ids.isCatalogId(monitor.sourceId())
                    ? Optional.of("a monitor notice needs its monitor event (source id and status)") : Optional.empty();
            default -> brandId == null ? Optional.of("no brandId") : Optional.ofNullable(alertProblem(alert));
        };
    }

    private static String alertProblem(Alert a) {
        if (a == null) {
            return "no alert";
        }
        if (!Ids.isIncidentId(a.incidentId())) {
            return "incidentId " + Ids.quoted(a.incidentId()) + " is missing or malformed";
        }
        if (a.brand() == null || !Ids.isCatalogId(a.brand().id()) || a.kind() == null || a.severity() == null
                || a.why() == null) {
            return "the alert lacks its brand, kind, severity or reason";
        }
        if (a.mentions() == null || a.mentions().isEmpty() || a.mentions().get(0) == null
                || a.mentions().get(0).mention() == null) {
            return "the alert carries no mention";
        }
        return null;
    }

    public static Notification about(Alert alert, Purpose purpose) {
        // The revision is in every id, escalations too: a re-opened incident (a new revision) escalates again.
        String id = alert.incidentId() + "#r" + alert.revision() + "#" + purpose.name().toLowerCase();
        return new Notification(id, purpose, alert.brand().id(), alert, List.of(), null);
    }

    public static Notification digest(String brandId, List<Alert> alerts, long nowMs) {
        return new Notification("digest-" + brandId + "-" + nowMs, Purpose.DIGEST, brandId, null, List.copyOf(alerts),
                null);
    }

    public static Notification monitor(MonitorEvent event) {
        return new Notification("monitor-" + event.sourceId() + "-" + event.status().name().toLowerCase() + "-"
                + (event.at() == null ? 0 : event.at().toEpochMilli()), Purpose.MONITOR, null, null, List.of(), event);
    }
}
