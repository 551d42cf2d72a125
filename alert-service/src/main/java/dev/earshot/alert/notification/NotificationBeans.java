package dev.earshot.alert.notification;

import dev.earshot.alert.AlertConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Builds the recipient directory from the operator's file once, at start. */
public class NotificationBeans {

    @Produces
    @Singleton
    RecipientDirectory recipientDirectory(AlertConfig config) {
        List<String> defaults = config.defaultRecipients().orElse(List.of());
        return config.catalogFile().map(file -> {
            Log.infof("Alert recipients from %s (default: %s)", file, defaults);
            return RecipientDirectory.load(file, defaults);
        }).orElseGet(() -> new RecipientDirectory(Map.of(), defaults));
    }
}
