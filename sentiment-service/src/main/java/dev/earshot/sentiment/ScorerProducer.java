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
            case LEARNED -> learned(config, rules);
            case DEEP -> deep(learned(config, rules), config.deepBelow());
        };
        LOG.infof("scoring with %s", scorer);
        return scorer;
    }

    private static LearnedScorer learned(SentimentConfig config, SentimentScorer rules) {
        return config.aspects().isEmpty() ? LearnedScorer.withDefaults() : new LearnedScorer(rules, LinearModel.bundled());
    }

    /** The deep tier lives in src/deep, compiled only with -Pdeep: found by name so the default build needs none of it. */
    private static Scorer deep(LearnedScorer learned, double below) {
        try {
            Class<?> head = Class.forName("dev.earshot.sentiment.scoring.DeepHead");
            Object weights = head.getMethod("bundled").invoke(null);
            return (Scorer) Class.forName("dev.earshot.sentiment.scoring.DeepScorer")
                    .getConstructor(LearnedScorer.class, head, double.class).newInstance(learned, weights, below);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException("earshot.sentiment.scorer=deep needs sentiment-service built with -Pdeep", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the deep tier: " + e.getCause(), e);
        }
    }
}
