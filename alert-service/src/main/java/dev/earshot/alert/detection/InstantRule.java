package dev.earshot.alert.detection;

import dev.earshot.events.Alert;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Raises an alert for a single mention negative enough to need a person now. A mention the scorer
 * could not read ({@code unknown}) never raises one: no evidence is not bad news.
 */
public final class InstantRule {

    public static final String RULE = "negative-score-threshold";

    private final double threshold;
    private final double highSeverityBelow;

    public InstantRule(double threshold, double highSeverityBelow) {
        this.threshold = threshold;
        this.highSeverityBelow = highSeverityBelow;
    }

    public Optional<Alert> evaluate(ScoredMention scored, Instant now) {
        if (scored.label() != Label.NEGATIVE || scored.score() > threshold) {
            return Optional.empty();
        }
        Alert.Severity severity = scored.score() <= highSeverityBelow ? Alert.Severity.HIGH : Alert.Severity.MEDIUM;
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("score", scored.score());
        figures.put("threshold", threshold);
        String summary = String.format(Locale.ROOT, "A mention scored %.2f, at or below the alert threshold %.2f.",
                scored.score(), threshold);
        return Optional.of(new Alert(Alert.SCHEMA_VERSION, incidentId(scored), 1, scored.mention().brand(),
                Alert.Kind.INSTANT, severity, Alert.State.OPEN, new Alert.Reason(RULE, summary, figures),
                List.of(scored), now, now));
    }

    /** One incident per brand and mention, so a redelivered mention maps to the same incident. */
    static String incidentId(ScoredMention scored) {
        return "instant-" + scored.mention().brand().id() + "-" + scored.mention().id();
    }
}
