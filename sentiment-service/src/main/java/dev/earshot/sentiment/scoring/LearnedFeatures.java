package dev.earshot.sentiment.scoring;

import java.util.Arrays;

/**
 * The learned scorer's inputs, read off the workspace the rules left behind: hashed word unigrams
 * and bigrams (a word after a negator, up to the clause's end, is a different word: "not good" is
 * not "good"), and a few dense features carrying what the rules know (VADER's compound score, the
 * valence each rule moved, complaint patterns, question and exclamation marks).
 *
 * <p>Every hashed feature weighs {@code 1/sqrt(count)}, so a long narrative and a short post sit
 * on the same scale. The trainer ({@code scorer-training}) and the scorer use this one class, so
 * what is trained is what runs.
 */
final class LearnedFeatures {

    /** Dense features: 0 compound, 1..11 valence per {@link Rule}, then the ones below. */
    static final int DENSE = 20;
    static final int D_COMPOUND = 0;
    static final int D_PUNCTUATION = 12;
    static final int D_COMPLAINT_RULES = 13;
    static final int D_QUESTION = 14;
    static final int D_EXCLAMATION = 15;
    /** {@link PostCues}: words of a failure (up to 3), praise beside a failure, a request, a question with a failure. */
    static final int D_FAILURE = 16;
    static final int D_SARCASM_CUE = 17;
    static final int D_REQUEST = 18;
    static final int D_QUESTION_FAILURE = 19;

    /** The hash every number shares: "AU212" is not a word to learn, "3 hours" is a number of hours. */
    static final int NUMBER = 0x5bd1e995;
    private static final int NEGATED = 0x27d4eb2f;
    private static final int BIGRAM = 0x165667b1;

    private LearnedFeatures() {
    }

    /** Fills {@code w.fBucket/fFrom/fTo/fNegated} ({@code w.features} of them) and {@code w.dense}. */
    static void collect(Workspace w, int mask) {
        w.ensureFeatures(2 * w.tokens + 2);
        int n = 0;
        for (int s = 0; s < w.sentences; s++) {
            boolean negating = false;
            int prev = 0;
            for (int i = w.sentStart[s]; i < w.sentEnd[s]; i++) {
                int h = negating ? w.hash[i] ^ NEGATED : w.hash[i];
                w.fBucket[n] = mix(h) & mask;
                w.fFrom[n] = i;
                w.fTo[n] = i;
                w.fNegated[n] = negating;
                n++;
                if (i > w.sentStart[s]) {
                    w.fBucket[n] = mix(prev * 0x9E3779B1 + h + BIGRAM) & mask;
                    w.fFrom[n] = i - 1;
                    w.fTo[n] = i;
                    w.fNegated[n] = negating;
                    n++;
                }
                prev = h;
                if ((w.classes[i] & PhrasePattern.CLASS_NEG) != 0) {
                    negating = true;
                }
                if ((w.bits[i] & Workspace.T_CLAUSE_END) != 0) {
                    negating = false;
                }
            }
        }
        w.features = n;
        double[] d = w.dense;
        Arrays.fill(d, 0);
        if (w.evidence) {
            d[D_COMPOUND] = w.textScore;
            for (int i = 0; i < w.tokens; i++) {
                if (w.value[i] != 0) {
                    d[w.rule[i]] += w.value[i] / w.norm;
                }
            }
            d[D_PUNCTUATION] = w.punctuation / w.norm;
        }
        d[D_COMPLAINT_RULES] = Math.min(w.complaintMatches, 2) / 2.0;
        d[D_QUESTION] = question(w) ? 1 : 0;
        d[D_EXCLAMATION] = Math.min(w.exclamations, 3) / 3.0;
        boolean failure = w.failureEvents > 0;
        d[D_FAILURE] = Math.min(w.failureEvents, 3) / 3.0;
        d[D_SARCASM_CUE] = failure && w.praiseWords > 0 ? 1 : 0;
        d[D_REQUEST] = w.requestLead ? 1 : 0;
        d[D_QUESTION_FAILURE] = failure && d[D_QUESTION] > 0 ? 1 : 0;
    }

    /** The weight of each hashed feature of a text with {@code features} of them. */
    static double featureValue(int features) {
        return features == 0 ? 0 : 1 / Math.sqrt(features);
    }

    static boolean question(Workspace w) {
        for (int s = 0; s < w.sentences; s++) {
            if (w.sentQuestion[s]) {
                return true;
            }
        }
        return false;
    }

    /** murmur3's finalizer: the 31-polynomial word hash alone clusters in the low bits. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
