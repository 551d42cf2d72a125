package dev.earshot.console.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident's current revision, as the inbox and the incident page show it.
 *
 * @param topAspects what its mentions complain about most, most frequent first
 * @param assignee   who it is assigned to (alert-service's {@code assignee}); null while nobody
 */
public record IncidentRow(String incidentId, int revision, String brandId, String brandName, String kind,
        String severity, String state, String rule, String summary, Map<String, Double> figures, int mentionCount,
        Integer reachLow, Integer reachHigh, String acknowledgedBy, Instant snoozedUntil, Instant raisedAt,
        Instant updatedAt, String assignee, List<String> topAspects) {

    /** The owner: who it is assigned to, else who acknowledged it; nobody while open and unassigned. */
    public String owner() {
        return assignee != null ? assignee : acknowledgedBy == null ? "" : acknowledgedBy;
    }

    public boolean open() {
        return "open".equals(state);
    }
}
