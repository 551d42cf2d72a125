package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A damage-control alert, and each later change of it. Value of topic {@link Topics#ALERTS},
 * keyed by {@code incidentId}; the newest {@code revision} of an incident is its current state.
 *
 * @param why             the rule that fired and the figures behind it
 * @param mentions        the mentions that raised it, worst first
 * @param topAspects      optional: what the incident's mentions complain about most, most frequent first
 * @param reach           optional: an estimate of how many people the complaints reach, with its basis
 * @param acknowledgedBy  optional: who acknowledged the incident (null while nobody has)
 * @param acknowledgedAt  optional: when it was acknowledged
 * @param snoozedUntil    optional: notifications about it are held back until then
 * @param assignee        optional: who owns the incident now, a user name staff gave (null while nobody does)
 * @param notes           optional: the latest {@link #MAX_NOTES} notes staff wrote on it, oldest first
 * @param staffActions    optional: the latest {@link #MAX_STAFF_ACTIONS} things staff did to it, oldest first
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
        Instant updatedAt,
        List<AspectCount> topAspects,
        Reach reach,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant snoozedUntil,
        String assignee,
        List<Note> notes,
        List<StaffAction> staffActions) {

    public static final int SCHEMA_VERSION = 1;

    /** How many of an incident's notes each revision carries (the latest ones). */
    public static final int MAX_NOTES = 20;
    /** How many of an incident's staff actions each revision carries (the latest ones). */
    public static final int MAX_STAFF_ACTIONS = 50;

    /** The fields up to {@code snoozedUntil}; assignee, notes and staff actions left out (null). */
    public Alert(int schemaVersion, String incidentId, int revision, BrandRef brand, Kind kind, Severity severity,
            State state, Reason why, List<ScoredMention> mentions, Instant raisedAt, Instant updatedAt,
            List<AspectCount> topAspects, Reach reach, String acknowledgedBy, Instant acknowledgedAt,
            Instant snoozedUntil) {
        this(schemaVersion, incidentId, revision, brand, kind, severity, state, why, mentions, raisedAt, updatedAt,
                topAspects, reach, acknowledgedBy, acknowledgedAt, snoozedUntil, null, null, null);
    }

    /** The fields of schema version 1 as first published; the optional ones are left out (null). */
    public Alert(int schemaVersion, String incidentId, int revision, BrandRef brand, Kind kind, Severity severity,
            State state, Reason why, List<ScoredMention> mentions, Instant raisedAt, Instant updatedAt) {
        this(schemaVersion, incidentId, revision, brand, kind, severity, state, why, mentions, raisedAt, updatedAt,
                null, null, null, null, null, null, null, null);
    }

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

    /** One aspect (delivery, staff, price, ...) and how many of the incident's mentions are about it. */
    public record AspectCount(String aspect, int count) {
    }

    /**
     * An estimate of how far the complaints travel, never a measurement.
     *
     * @param complaints      public complaints behind the incident
     * @param silentUnhappy   unhappy customers estimated to stay silent (complaints x silentPerComplaint)
     * @param peopleToldLow   low end of people told (all unhappy customers x 9)
     * @param peopleToldHigh  high end of people told (all unhappy customers x 15)
     * @param basis           one sentence naming the research figures used
     */
    public record Reach(int complaints, int silentUnhappy, int peopleToldLow, int peopleToldHigh, String basis) {
    }

    /**
     * A note staff wrote on the incident. The text is untrusted (anyone with the API token or a responder's login
     * wrote it): at most {@link #MAX_TEXT} characters, no control characters but line breaks; escape it wherever it
     * is shown.
     *
     * @param by    who wrote it
     * @param at    when they wrote it
     * @param text  what they wrote
     */
    public record Note(String by, Instant at, String text) {
        public static final int MAX_TEXT = 2000;
    }

    /**
     * One thing staff did to the incident.
     *
     * @param action  {@code acknowledge}, {@code resolve}, {@code snooze}, {@code assign}, {@code unassign} or
     *                {@code note}; readers should show an action they do not know as it is
     * @param by      who did it
     * @param at      when they asked for it
     * @param detail  optional: the assignee of {@code assign}, the minutes of {@code snooze}; null otherwise
     */
    public record StaffAction(String action, String by, Instant at, String detail) {
    }
}
