package dev.earshot.alert.detection;

import dev.earshot.events.Alert;
import java.util.Map;

/**
 * What one rule concluded about the newest mention of a brand: which detector, how urgent, why,
 * and the figures it compared. Incidents are built from these.
 *
 * @param cause  what incidents are grouped by: {@code negative} for instant alerts and spikes (one storm,
 *               one incident), {@code drift} for a slow fall of the average
 */
public record Detection(Alert.Kind kind, Alert.Severity severity, String cause, String rule, String summary,
        Map<String, Double> figures) {

    public static final String CAUSE_NEGATIVE = "negative";
    public static final String CAUSE_DRIFT = "drift";
}
