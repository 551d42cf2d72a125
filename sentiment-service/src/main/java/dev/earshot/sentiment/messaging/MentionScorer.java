package dev.earshot.sentiment.messaging;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.ScoredMention;
import dev.earshot.sentiment.scoring.Sentiment;
import dev.earshot.sentiment.scoring.Scorer;
import java.time.Clock;

/** Turns a {@code mentions} record into a {@code mentions-scored} value. */
public final class MentionScorer {

    private final Scorer scorer;
    private final Clock clock;

    public MentionScorer(Scorer scorer, Clock clock) {
        this.scorer = scorer;
        this.clock = clock;
    }

    /** @throws dev.earshot.events.MalformedEventException when the record is not a valid Mention */
    public ScoredMention score(String mentionJson) {
        Mention mention = EventJson.read(mentionJson, Mention.class);
        String text = mention.title() == null || mention.title().isBlank() ? mention.text()
                : mention.title() + ". " + mention.text();
        Sentiment s = scorer.score(text, mention.rating());
        return new ScoredMention(ScoredMention.SCHEMA_VERSION, mention, s.score(), s.label(), s.complaint(),
                s.intent(), s.aspects(), s.explanation(), s.language(), s.ratingConflict(), clock.instant(),
                s.confidence(), s.probabilities());
    }
}
