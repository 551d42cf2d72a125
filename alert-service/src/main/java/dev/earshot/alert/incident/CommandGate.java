package dev.earshot.alert.incident;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.earshot.events.EventJson;
import dev.earshot.events.Ids;
import dev.earshot.events.MalformedEventException;

/**
 * Decides whether a record on the commands topic is a command to act on: readable, with an action, well-formed
 * ids and this service's signature. Anything else is refused with a reason (a metric tag) and a detail (for the
 * log and the dead-letter header); the stream never throws on it.
 */
public final class CommandGate {

    /** Longest {@code by} a command may carry (it reaches alerts, logs and the API). */
    public static final int MAX_BY = 100;

    public sealed interface Verdict permits Accepted, Refused {
    }

    public record Accepted(IncidentCommand command) implements Verdict {
    }

    /** @param reason short and from a fixed set: {@code unreadable}, {@code bad-action}, {@code bad-id}, {@code bad-field}, {@code unsigned}, {@code bad-signature} */
    public record Refused(String reason, String detail) implements Verdict {
    }

    private final CommandSignatures signatures;

    public CommandGate(CommandSignatures signatures) {
        this.signatures = signatures;
    }

    public Verdict check(String value) {
        if (value == null) {
            return new Refused("unreadable", "a command without a value");
        }
        IncidentCommand cmd;
        try {
            cmd = EventJson.read(value, IncidentCommand.class); // the checked reader, as for the public topics
        } catch (MalformedEventException e) {
            if (e.getCause() instanceof InvalidFormatException f && f.getTargetType() == IncidentCommand.Action.class) {
                return new Refused("bad-action", "unknown action " + Ids.quoted(String.valueOf(f.getValue())));
            }
            return new Refused("unreadable", firstLine(e.getMessage()));
        }
        if (cmd.action() == null) {
            return new Refused("bad-action", "a command without an action");
        }
        if (!Ids.isIncidentId(cmd.incidentId())) {
            return new Refused("bad-id", "incidentId " + Ids.quoted(cmd.incidentId()) + " is missing or malformed");
        }
        if (!Ids.isCatalogId(cmd.brandId())) {
            return new Refused("bad-id", "brandId " + Ids.quoted(cmd.brandId()) + " is missing or malformed");
        }
        if (cmd.at() == null) {
            return new Refused("bad-field", "a command without its time (at)");
        }
        if (cmd.by() != null && !acceptableBy(cmd.by())) {
            return new Refused("bad-field", "by " + Ids.quoted(cmd.by()) + " is longer than " + MAX_BY
                    + " characters or has control characters");
        }
        if (cmd.action() == IncidentCommand.Action.ASSIGN && !acceptableAssignee(cmd.assignee())) {
            return new Refused("bad-field", "assignee " + Ids.quoted(cmd.assignee()) + " is missing, blank, longer than "
                    + MAX_BY + " characters or has control characters");
        }
        if (cmd.action() == IncidentCommand.Action.NOTE && !NoteText.acceptable(cmd.text())) {
            return new Refused("bad-field", "a note must be 1 to " + dev.earshot.events.Alert.Note.MAX_TEXT
                    + " characters without control characters but line breaks");
        }
        if (cmd.signature() == null || cmd.signature().isEmpty()) {
            return new Refused("unsigned", cmd.action() + " of " + cmd.incidentId() + " carries no signature");
        }
        if (!signatures.verify(cmd)) {
            return new Refused("bad-signature", cmd.action() + " of " + cmd.incidentId()
                    + " is not signed with this service's key");
        }
        return new Accepted(cmd);
    }

    /** Whether {@code by} may be recorded: at most {@link #MAX_BY} characters, no control characters. */
    public static boolean acceptableBy(String by) {
        return by.length() <= MAX_BY && by.chars().noneMatch(Character::isISOControl);
    }

    /** Whether {@code assignee} may be recorded: a name as {@link #acceptableBy}, not blank, without outer spaces. */
    public static boolean acceptableAssignee(String assignee) {
        return assignee != null && !assignee.isBlank() && assignee.equals(assignee.strip()) && acceptableBy(assignee);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
