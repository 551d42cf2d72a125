package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A damage-control alert, and each later change of it. Value of topic {@link Topics#ALERTS},
 * keyed by {@code incidentId}; the newest {@code revision} of an incident is its current state.
 *
 * @param why       the rule that fired and the figures behind it
 * @param mentions  the mentions that raised it, worst first
 */
public record Alert(
        int schemaVersion,
        String incidentId,
        int revision,
        BrandRef brand,
        Kind kind,
        Severity severity,
        State state,
        Reason why,
        List<ScoredMention> mentions,
        Instant raisedAt,
        Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** Which detector raised the alert. */
    public enum Kind {
        @JsonProperty("instant") INSTANT,
        @JsonProperty("spike") SPIKE,
        @JsonProperty("drift") DRIFT
    }

    public enum Severity {
        @JsonProperty("low") LOW,
        @JsonProperty("medium") MEDIUM,
        @JsonProperty("high") HIGH
    }

    public enum State {
        @JsonProperty("open") OPEN,
        @JsonProperty("acknowledged") ACKNOWLEDGED,
        @JsonProperty("resolved") RESOLVED
    }

    /**
     * @param rule     the rule's name, e.g. {@code negative-score-threshold}
     * @param summary  one sentence a person can read
     * @param figures  the numbers the rule compared, e.g. {@code score}, {@code threshold}
     */
    public record Reason(String rule, String summary, Map<String, Double> figures) {
    }
}
