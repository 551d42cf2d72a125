package dev.earshot.alert.incident;

import java.time.Instant;

/**
 * A change staff asked for over REST or an acknowledge link. Written to the internal commands topic
 * keyed by brand id, so it reaches the stream task that owns the incident, and signed by the writer
 * ({@link CommandSignatures}): the stream applies only commands this service wrote.
 *
 * @param by             who asked (from the token's subject or the link), for the record
 * @param snoozeMinutes  for {@link Action#SNOOZE}: how long notifications are held back
 * @param at             when it was asked; a command not newer than the last one applied to the incident is a replay
 * @param linkRevision   for an acknowledge link: the incident revision its email was about; null over REST
 * @param signature      HMAC over everything above, base64url
 */
public record IncidentCommand(String incidentId, String brandId, Action action, String by, int snoozeMinutes,
        Instant at, Integer linkRevision, String signature) {

    /** Internal topic of staff commands, keyed by brand id: co-partitioned with {@code mentions-scored}. */
    public static final String TOPIC = "alert-service-incident-commands";

    public enum Action {
        ACKNOWLEDGE, RESOLVE, SNOOZE
    }

    /** An unsigned command from REST (no link). */
    public IncidentCommand(String incidentId, String brandId, Action action, String by, int snoozeMinutes, Instant at) {
        this(incidentId, brandId, action, by, snoozeMinutes, at, null, null);
    }

    public IncidentCommand withSignature(String newSignature) {
        return new IncidentCommand(incidentId, brandId, action, by, snoozeMinutes, at, linkRevision, newSignature);
    }
}
