package dev.earshot.console.store;

import java.time.Instant;

/** One revision of an incident: a line of its timeline. */
public record RevisionRow(int revision, String state, String severity, String summary, int mentionCount,
        String acknowledgedBy, Instant snoozedUntil, Instant updatedAt, String assignee) {
}
