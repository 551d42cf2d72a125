package dev.earshot.alert.incident;

import java.time.Instant;

/**
 * A change staff asked for over REST or an acknowledge link. Written to the internal commands topic
 * keyed by brand id, so it reaches the stream task that owns the incident.
 *
 * @param by             who asked (from the token's subject or the link), for the record
 * @param snoozeMinutes  for {@link Action#SNOOZE}: how long notifications are held back
 */
public record IncidentCommand(String incidentId, String brandId, Action action, String by, int snoozeMinutes,
        Instant at) {

    public enum Action {
        ACKNOWLEDGE, RESOLVE, SNOOZE
    }
}
