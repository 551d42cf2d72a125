package dev.earshot.sentiment;

import dev.earshot.sentiment.scoring.AspectTaxonomy;
import dev.earshot.sentiment.scoring.LearnedScorer;
import dev.earshot.sentiment.scoring.Lexicon;
import dev.earshot.sentiment.scoring.LinearModel;
import dev.earshot.sentiment.scoring.Scorer;
import dev.earshot.sentiment.scoring.SentimentScorer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Builds the scorer once at start: loading the lexicon and the weights is the only slow part. */
public class ScorerProducer {

    private static final Logger LOG = Logger.getLogger(ScorerProducer.class);

    @Produces
    @Singleton
    Scorer scorer(SentimentConfig config) {
        SentimentScorer rules = config.aspects().isEmpty() ? SentimentScorer.withDefaults()
                : new SentimentScorer(Lexicon.vader(), AspectTaxonomy.defaults().with(config.aspects()));
        Scorer scorer = switch (config.scorer()) {
            case RULES -> rules;
            case LEARNED -> config.aspects().isEmpty() ? LearnedScorer.withDefaults()
                    : new LearnedScorer(rules, LinearModel.bundled());
        };
        LOG.infof("scoring with %s", scorer);
        return scorer;
    }
}
