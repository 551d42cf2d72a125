package dev.earshot.console.store;

import java.time.Instant;
import java.util.Map;

/** An incident's current revision, as the inbox and the incident page show it. */
public record IncidentRow(String incidentId, int revision, String brandId, String brandName, String kind,
        String severity, String state, String rule, String summary, Map<String, Double> figures, int mentionCount,
        Integer reachLow, Integer reachHigh, String acknowledgedBy, Instant snoozedUntil, Instant raisedAt,
        Instant updatedAt) {

    /** The owner: who acknowledged it; nobody while open. */
    public String owner() {
        return acknowledgedBy == null ? "" : acknowledgedBy;
    }

    public boolean open() {
        return "open".equals(state);
    }
}
