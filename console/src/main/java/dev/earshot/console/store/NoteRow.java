package dev.earshot.console.store;

import java.time.Instant;

/** A note staff wrote on an incident (alerts' {@code notes}); the text is untrusted and shown escaped. */
public record NoteRow(Instant at, String by, String text) {
}
