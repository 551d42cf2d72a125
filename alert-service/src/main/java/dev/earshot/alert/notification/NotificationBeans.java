package dev.earshot.alert.notification;

import dev.earshot.alert.AlertConfig;
import dev.earshot.alert.BrandCatalog;
import dev.earshot.alert.api.AckTokens;
import dev.earshot.alert.detection.DetectionSettings;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/** Builds the brand catalog from the operator's file once, at start, and the acknowledge-link signer. */
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

    @Produces
    @Singleton
    AckTokens ackTokens(AlertConfig config) {
        byte[] secret = config.notifications().ackSecret().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (secret == null || secret.length < 16) {
            Log.warn("EARSHOT_ACK_SECRET is unset or shorter than 16 bytes: acknowledge links are signed with a"
                    + " random key and stop working when this process restarts");
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        }
        return new AckTokens(secret, config.notifications().ackLinkTtl());
    }
}
