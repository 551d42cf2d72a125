package dev.earshot.alert.incident;

import java.time.Instant;

/**
 * Applies one record of the commands topic to the task's incidents: only a command that passes the gate,
 * is newer than the last one applied to its incident, and (for an acknowledge link) belongs to the
 * incident's current episode changes anything. Plain logic; the processor turns the outcome into a
 * published revision, a dead letter or a metric.
 */
public final class CommandHandler {

    /** What became of a command. */
    public sealed interface Outcome permits Refused, UnknownIncident, EarlierLink, Unchanged, Changed {
    }

    /** Not a command this service wrote or can act on: dead-lettered by the caller. */
    public record Refused(String reason, String detail) implements Outcome {
    }

    public record UnknownIncident(IncidentCommand command) implements Outcome {
    }

    /** A link from an email sent before the incident re-opened: not hostile, changes nothing but the replay guard. */
    public record EarlierLink(Incident incident, IncidentCommand command) implements Outcome {
    }

    /** Applied, but the incident was already so (two clicks at once count once). */
    public record Unchanged(Incident incident, IncidentCommand command) implements Outcome {
    }

    /** The incident changed: a new revision to publish. */
    public record Changed(Incident incident, IncidentCommand command) implements Outcome {
    }

    private final CommandGate gate;
    private final IncidentLifecycle lifecycle;

    public CommandHandler(CommandGate gate, IncidentLifecycle lifecycle) {
        this.gate = gate;
        this.lifecycle = lifecycle;
    }

    /** Checks and applies {@code value}; every outcome but {@code Refused} and {@code UnknownIncident} is saved. */
    public Outcome handle(String value, IncidentStore store, Instant now) {
        CommandGate.Verdict verdict = gate.check(value);
        if (verdict instanceof CommandGate.Refused refused) {
            return new Refused(refused.reason(), refused.detail());
        }
        IncidentCommand cmd = ((CommandGate.Accepted) verdict).command();
        Incident inc = store.get(cmd.incidentId());
        if (inc == null) {
            return new UnknownIncident(cmd);
        }
        if (inc.lastCommandAt != null && !cmd.at().isAfter(inc.lastCommandAt)) {
            return new Refused("replayed", cmd.action() + " of " + cmd.incidentId() + " at " + cmd.at()
                    + " is not newer than the last command applied (" + inc.lastCommandAt + "): a replay");
        }
        inc.lastCommandAt = cmd.at();
        Outcome outcome;
        if (cmd.linkRevision() != null && !inc.sameEpisode(cmd.linkRevision())) {
            outcome = new EarlierLink(inc, cmd);
        } else if (lifecycle.apply(inc, cmd, now)) {
            outcome = new Changed(inc, cmd);
        } else {
            outcome = new Unchanged(inc, cmd);
        }
        store.save(inc);
        return outcome;
    }
}
