package dev.earshot.alert.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param signature      HMAC over everything else, base64url
 * @param assignee       for {@link Action#ASSIGN}: whom to assign the incident to
 * @param text           for {@link Action#NOTE}: the note, already cleaned ({@link NoteText})
 */
public record IncidentCommand(String incidentId, String brandId, Action action, String by, int snoozeMinutes,
        Instant at, Integer linkRevision, String signature,
        // Left out of the JSON when null, so a command of the other actions reads (and is signed) as before.
        @JsonInclude(JsonInclude.Include.NON_NULL) String assignee,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text) {

    /** Internal topic of staff commands, keyed by brand id: co-partitioned with {@code mentions-scored}. */
    public static final String TOPIC = "alert-service-incident-commands";

    public enum Action {
        ACKNOWLEDGE, RESOLVE, SNOOZE, ASSIGN, UNASSIGN, NOTE
    }

    /** A command of the actions without an assignee or a note. */
    public IncidentCommand(String incidentId, String brandId, Action action, String by, int snoozeMinutes,
            Instant at, Integer linkRevision, String signature) {
        this(incidentId, brandId, action, by, snoozeMinutes, at, linkRevision, signature, null, null);
    }

    /** An unsigned command from REST (no link). */
    public IncidentCommand(String incidentId, String brandId, Action action, String by, int snoozeMinutes, Instant at) {
        this(incidentId, brandId, action, by, snoozeMinutes, at, null, null);
    }

    /** An unsigned assign command from REST. */
    public static IncidentCommand assign(String incidentId, String brandId, String assignee, String by, Instant at) {
        return new IncidentCommand(incidentId, brandId, Action.ASSIGN, by, 0, at, null, null, assignee, null);
    }

    /** An unsigned note command from REST. */
    public static IncidentCommand note(String incidentId, String brandId, String text, String by, Instant at) {
        return new IncidentCommand(incidentId, brandId, Action.NOTE, by, 0, at, null, null, null, text);
    }

    public IncidentCommand withSignature(String newSignature) {
        return new IncidentCommand(incidentId, brandId, action, by, snoozeMinutes, at, linkRevision, newSignature,
                assignee, text);
    }
}
