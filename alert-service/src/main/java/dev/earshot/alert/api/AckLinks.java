package dev.earshot.alert.api;

import dev.earshot.alert.incident.Incident;
import dev.earshot.events.Alert;

/**
 * What a valid acknowledge link may still do, given the incident as it is now. A link keeps working while the
 * incident only gained mentions since its email (the person is answering the alert they were sent, and the
 * throttled update may not have reached them yet); it stops once the incident was re-opened after that email (a
 * new alert, which needs its own acknowledgement) and once it was used.
 */
public final class AckLinks {

    public enum State {
        /** The incident is open in the episode the email was about: the link acknowledges it. */
        USABLE,
        /** This very link (an email of this revision) already acknowledged it. */
        USED,
        /** The incident re-opened after the email: the link is for an earlier alert. */
        EARLIER_ALERT,
        /** Someone else acknowledged or resolved it in this episode: nothing to do. */
        ALREADY_HANDLED
    }

    private AckLinks() {
    }

    public static State of(Incident inc, int linkRevision) {
        if (!inc.sameEpisode(linkRevision)) {
            return State.EARLIER_ALERT;
        }
        if (inc.state == Alert.State.OPEN) {
            return State.USABLE;
        }
        return inc.ackLinkRevision != null && inc.ackLinkRevision == linkRevision ? State.USED : State.ALREADY_HANDLED;
    }
}
