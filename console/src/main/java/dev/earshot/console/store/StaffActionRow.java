package dev.earshot.console.store;

import java.time.Instant;

/** One thing staff did to an incident (alerts' {@code staffActions}): a line of its timeline. */
public record StaffActionRow(Instant at, String action, String by, String detail) {
}
