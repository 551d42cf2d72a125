package dev.earshot.sentiment;

import dev.earshot.sentiment.scoring.AspectTaxonomy;
import dev.earshot.sentiment.scoring.Lexicon;
import dev.earshot.sentiment.scoring.SentimentScorer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the scorer once at start: the lexicon load is the only slow part. */
public class ScorerProducer {

    @Produces
    @Singleton
    SentimentScorer scorer(SentimentConfig config) {
        if (config.aspects().isEmpty()) {
            return SentimentScorer.withDefaults();
        }
        return new SentimentScorer(Lexicon.vader(), AspectTaxonomy.defaults().with(config.aspects()));
    }
}
