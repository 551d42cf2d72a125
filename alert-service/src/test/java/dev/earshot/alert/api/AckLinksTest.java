package dev.earshot.alert.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.alert.incident.Incident;
import dev.earshot.events.Alert;
import org.junit.jupiter.api.Test;

/** What a valid link may still do, for the incident's states a person can meet. */
class AckLinksTest {

    @Test
    void aLinkWorksOnceInTheEpisodeItWasSentForAndNotAfterAReopen() {
        Incident inc = new Incident();
        inc.state = Alert.State.OPEN;
        inc.revision = 4;
        inc.episodeRevision = 1;
        assertEquals(AckLinks.State.USABLE, AckLinks.of(inc, 1), "more mentions since the email: still works");

        inc.state = Alert.State.ACKNOWLEDGED;
        inc.ackLinkRevision = 1;
        assertEquals(AckLinks.State.USED, AckLinks.of(inc, 1), "the second click");
        assertEquals(AckLinks.State.ALREADY_HANDLED, AckLinks.of(inc, 3), "another email's link after this one was used");

        inc.state = Alert.State.OPEN;
        inc.revision = 6;
        inc.episodeRevision = 6;
        assertEquals(AckLinks.State.EARLIER_ALERT, AckLinks.of(inc, 1), "re-opened since");
        assertEquals(AckLinks.State.EARLIER_ALERT, AckLinks.of(inc, 5));
        assertEquals(AckLinks.State.USABLE, AckLinks.of(inc, 6), "the re-opening email's link");
    }
}
