package dev.earshot.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Settings of alert-service ({@code earshot.alert.*}). */
@ConfigMapping(prefix = "earshot.alert")
public interface AlertConfig {

    /** The operator's YAML file; alert-service reads each brand's {@code recipients} from it (env EARSHOT_CONFIG). */
    Optional<Path> catalogFile();

    /** Who gets alerts for a brand that lists no recipients of its own. */
    Optional<List<String>> defaultRecipients();

    Instant instant();

    /** The rule that raises an alert for one strongly negative mention. */
    interface Instant {
        /** A negative mention scored at or below this raises an alert at once. */
        @WithDefault("-0.5")
        double threshold();

        /** At or below this score the alert is HIGH severity, otherwise MEDIUM. */
        @WithDefault("-0.75")
        double highSeverityBelow();
    }
}
