package dev.earshot.sentiment.feedback;

import dev.earshot.events.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A correction a person made to a score: the text as scored, the label it should have had and,
 * if they said so, whether it is a complaint. Value of topic {@link FeedbackPublisher#TOPIC}
 * (JSON, keyed by {@code mentionId} when there is one); {@code scorer-training} reads a dump of
 * that topic ({@code train --feedback FILE}).
 *
 * @param mentionId   the corrected mention's id (32 lower-case hex), or null for a text tried in the console
 * @param text        the text as it was scored (title and text of a mention, as sentiment-service joins them)
 * @param label       {@code negative}, {@code neutral} or {@code positive}
 * @param complaint   whether it is a complaint, null when the person did not say
 * @param scoredLabel the label the scorer had given, if the caller knows it
 * @param by          who corrected it (free text, optional)
 * @param at          when it was received (set by the service)
 */
public record Feedback(int schemaVersion, String mentionId, String text, String label, Boolean complaint,
        String scoredLabel, String by, Instant at) {

    public static final int SCHEMA_VERSION = 1;
    static final Set<String> LABELS = Set.of("negative", "neutral", "positive");
    static final int MAX_TEXT_CHARS = 20_000;
    static final int MAX_BY_CHARS = 200;

    /** Every problem with a correction as received, empty when it may be published. */
    static List<String> problems(Feedback f) {
        List<String> problems = new ArrayList<>();
        if (f == null) {
            problems.add("send a JSON object like {\"text\": \"...\", \"label\": \"negative\", \"complaint\": true}");
            return problems;
        }
        if (f.text() == null || f.text().isBlank()) {
            problems.add("text is missing");
        } else if (f.text().length() > MAX_TEXT_CHARS) {
            problems.add("text has " + f.text().length() + " characters, at most " + MAX_TEXT_CHARS);
        }
        if (f.label() == null || !LABELS.contains(f.label())) {
            problems.add("label must be one of negative, neutral, positive");
        }
        if (f.mentionId() != null && !Ids.isMentionId(f.mentionId())) {
            problems.add("mentionId must be 32 lower-case hex characters");
        }
        if (f.scoredLabel() != null && !LABELS.contains(f.scoredLabel()) && !f.scoredLabel().equals("unknown")) {
            problems.add("scoredLabel must be one of negative, neutral, positive, unknown");
        }
        if (f.by() != null && f.by().length() > MAX_BY_CHARS) {
            problems.add("by has " + f.by().length() + " characters, at most " + MAX_BY_CHARS);
        }
        return problems;
    }

    /** As published: schema version and time of receipt set here, not by the caller. */
    Feedback received(Instant now) {
        return new Feedback(SCHEMA_VERSION, mentionId, text, label, complaint, scoredLabel, by, now);
    }
}
