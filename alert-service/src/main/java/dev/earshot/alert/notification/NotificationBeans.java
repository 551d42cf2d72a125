package dev.earshot.alert.notification;

import dev.earshot.access.Secrets;
import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.config.AlertKeys;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The signing keys, and the signer of acknowledge links. */
public class NotificationBeans {

    /** The signing keys, from EARSHOT_ACK_SECRET; a placeholder or a short value stops the start. */
    @Produces
    @Singleton
    AlertKeys alertKeys(AlertConfig config) {
        Optional<String> secret = config.notifications().ackSecret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            Log.warn("EARSHOT_ACK_SECRET is unset: acknowledge links and staff commands are signed with a random key"
                    + " and stop working when this process restarts (and on any other replica)");
            return AlertKeys.random();
        }
        return AlertKeys.from(Secrets.requireUsable("EARSHOT_ACK_SECRET", secret.get()));
    }

    @Produces
    @Singleton
    AckTokens ackTokens(AlertKeys keys, AlertConfig config) {
        return new AckTokens(keys.ackLinks(), config.notifications().ackLinkTtl());
    }
}
