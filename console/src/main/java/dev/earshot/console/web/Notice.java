package dev.earshot.console.web;

import dev.earshot.console.action.IncidentActions;

/** The line shown after an action, chosen from a fixed set by a code in the URL (never text from the URL). */
public enum Notice {
    ACCEPTED("Sent to alert-service. The page shows the change once its new revision arrives on the alerts topic."),
    REFUSED("alert-service refused the action (no such incident, or the console's token is wrong)."),
    UNREACHABLE("alert-service did not answer; nothing changed. Try again."),
    OFF("Actions are off: the console has no API token for alert-service (EARSHOT_API_TOKEN)."),
    NOT_AN_INCIDENT("That is not an incident."),
    NOT_A_RESPONDER("An incident can be assigned only to a user who may act on incidents (responder or admin)."),
    FEEDBACK_SENT("Correction kept and sent to sentiment-service (topic sentiment-feedback) for the scorer to learn from."),
    FEEDBACK_KEPT("Correction kept, but sentiment-service did not take it: it is marked unsent in the export."),
    BAD_FEEDBACK("Choose negative, neutral or positive for a stored mention; nothing was kept."),
    BAD_NOTE("A note needs some text, at most 2000 characters; nothing was sent."),
    FEEDBACK_RESENT("Every unsent correction was sent again and sentiment-service took it."),
    FEEDBACK_STILL_UNSENT("Sent again, but sentiment-service still did not take some corrections: see why below."),
    NOTHING_UNSENT("No correction was waiting to be sent."),
    SOURCE_SAVED("Saved by ingest-service. The list shows the change once its record arrives on the catalog topic.");

    public final String text;

    Notice(String text) {
        this.text = text;
    }

    static Notice of(IncidentActions.Outcome o) {
        return valueOf(o.name());
    }

    static Notice parse(String code) {
        for (Notice n : values()) {
            if (n.name().equalsIgnoreCase(code)) {
                return n;
            }
        }
        return null;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
