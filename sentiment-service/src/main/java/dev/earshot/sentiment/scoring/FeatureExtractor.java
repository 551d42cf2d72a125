package dev.earshot.sentiment.scoring;

import java.util.Arrays;

/**
 * What {@code scorer-training} learns from: exactly the features {@link LearnedScorer} computes at
 * run time, for one text. Not for the hot path (it copies arrays).
 */
public final class FeatureExtractor {

    private final SentimentScorer rules;
    private final int mask;

    public FeatureExtractor(SentimentScorer rules, int bits) {
        this.rules = rules;
        this.mask = (1 << bits) - 1;
    }

    /**
     * One text's features.
     *
     * @param buckets  hashed feature buckets (repeats allowed), each weighing {@code value}
     * @param unigram  whether each is a single word (only those can make a text "known")
     * @param dense    the rules' features ({@link LinearModel#DENSE} of them)
     * @param scorable English (or undetermined) text with tokens: anything else is never scored
     * @param evidence the rules found a valence
     */
    public record Features(int[] buckets, boolean[] unigram, double value, double[] dense, boolean scorable,
            boolean evidence) {
    }

    public Features extract(String text) {
        String t = text == null ? "" : text;
        Workspace w = Workspace.forText(t.length());
        rules.analyse(t, w);
        if (!w.scorable) {
            return new Features(new int[0], new boolean[0], 0, new double[LinearModel.DENSE], false, false);
        }
        LearnedFeatures.collect(w, mask);
        boolean[] unigram = new boolean[w.features];
        for (int f = 0; f < w.features; f++) {
            unigram[f] = w.fFrom[f] == w.fTo[f];
        }
        return new Features(Arrays.copyOf(w.fBucket, w.features), unigram, LearnedFeatures.featureValue(w.features),
                w.dense.clone(), true, w.evidence);
    }
}
