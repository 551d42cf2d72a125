package dev.earshot.sentiment.scoring;

import dev.earshot.events.Rating;

/** Scores one mention's text (and its star rating, if any). Implementations are immutable and thread-safe. */
public interface Scorer {

    /**
     * @param text   the mention's text (null counts as empty)
     * @param rating the star rating the source gave, or null
     */
    Sentiment score(String text, Rating rating);
}
