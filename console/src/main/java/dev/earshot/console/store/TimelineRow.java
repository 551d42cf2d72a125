package dev.earshot.console.store;

import java.time.Instant;

/** A line of an incident's timeline: a revision alert-service published, or a staff action; exactly one is set. */
public record TimelineRow(Instant at, RevisionRow revision, StaffActionRow action) {
}
