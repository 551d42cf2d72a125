package dev.earshot.alert.notification;

import dev.earshot.access.Secrets;
import dev.earshot.alert.AlertConfig;
import dev.earshot.alert.AlertKeys;
import dev.earshot.alert.BrandCatalog;
import dev.earshot.alert.api.AckTokens;
import dev.earshot.alert.detection.DetectionSettings;
import dev.earshot.alert.incident.CommandSignatures;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Builds the brand catalog from the operator's file once, at start, and the signers of links and commands. */
public class NotificationBeans {

    @Produces
    @Singleton
    BrandCatalog brandCatalog(AlertConfig config) {
        List<String> defaults = config.defaultRecipients().orElse(List.of());
        List<String> operators = config.operators().orElse(List.of());
        String slack = config.slackWebhook().orElse(null);
        DetectionSettings settings = defaults(config);
        return config.catalogFile().map(file -> {
            Log.infof("Brands and recipients from %s (default recipients: %s)", file, defaults);
            return BrandCatalog.load(file, defaults, operators, slack, settings);
        }).orElseGet(() -> new BrandCatalog(List.of(), defaults, operators, slack, settings));
    }

    /** The service-wide rule thresholds from the settings. */
    static DetectionSettings defaults(AlertConfig c) {
        DetectionSettings d = DetectionSettings.defaults();
        return new DetectionSettings(c.instant().threshold(), c.instant().crisisThreshold(),
                c.instant().highSeverityBelow(), c.instant().lowRatingShare(),
                c.instant().crisisTerms().orElse(d.crisisTerms()), c.spike().window(), c.spike().maxPValue(),
                c.spike().minCount(), c.spike().warmup(), c.spike().priorPerDay(), c.spike().priorDays(), c.spike().shareMinMentions(),
                c.spike().shareJump(), c.drift().fastHalfLife(), c.drift().slowHalfLife(), c.drift().drop(),
                c.drift().minMentions());
    }

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

    @Produces
    @Singleton
    CommandSignatures commandSignatures(AlertKeys keys) {
        return new CommandSignatures(keys.commands());
    }
}
