package dev.earshot.alert.detection;

import dev.earshot.events.Alert;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Raises an alert when a brand's recent average sentiment falls well below its own long-run
 * average: no single mention is alarming, but the mood is turning. Fires once per fall, and again
 * only after the average has recovered half-way.
 */
public final class DriftRule {

    public static final String RULE = "sentiment-drift";

    public Optional<Detection> evaluate(SentimentTrend trend, DetectionSettings settings) {
        double drop = trend.slow - trend.fast;
        if (trend.drifting) {
            if (drop < settings.driftDrop() / 2) {
                trend.drifting = false;
            }
            return Optional.empty();
        }
        if (trend.count < settings.driftMinMentions() || drop < settings.driftDrop()) {
            return Optional.empty();
        }
        trend.drifting = true;
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("recentAverage", round(trend.fast));
        figures.put("baselineAverage", round(trend.slow));
        figures.put("drop", round(drop));
        figures.put("threshold", settings.driftDrop());
        String summary = String.format(Locale.ROOT,
                "The average sentiment of recent mentions is %.2f, %.2f below the brand's usual %.2f.", trend.fast,
                drop, trend.slow);
        Alert.Severity severity = drop >= 2 * settings.driftDrop() ? Alert.Severity.MEDIUM : Alert.Severity.LOW;
        return Optional.of(new Detection(Alert.Kind.DRIFT, severity, Detection.CAUSE_DRIFT, RULE, summary, figures));
    }

    static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
