package dev.earshot.sentiment.scoring;

import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention.Probabilities;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The optional deep tier (Maven profile {@code deep}, {@code earshot.sentiment.scorer=deep}): the
 * learned tier first; then, for a text without a rating whose learned confidence is below
 * {@code unsureBelow} (1 = every text), the quantized all-MiniLM-L6-v2 sentence embedding (in
 * process, ONNX Runtime) and a linear head over it and the learned probabilities decide. The
 * explanation keeps the learned tier's strongest lines and adds the embedding's share
 * ({@code sentence meaning}, rule {@code deep}).
 */
public final class DeepScorer implements Scorer {

    /** Only the start of a long text is embedded: the model reads 256 tokens well, and it is the slow part. */
    static final int MAX_EMBEDDED_CHARS = 1_000;

    private final LearnedScorer learned;
    private final DeepHead head;
    private final double unsureBelow;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    public DeepScorer(LearnedScorer learned, DeepHead head, double unsureBelow) {
        this.learned = learned;
        this.head = head;
        this.unsureBelow = unsureBelow;
        // run on the calling thread: the scoring loop already spreads a batch over its threads
        Executor sameThread = Runnable::run;
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(sameThread);
    }

    /** The embedding of a text as the head was trained on it. */
    public float[] embed(String text) {
        String t = text.length() > MAX_EMBEDDED_CHARS ? text.substring(0, MAX_EMBEDDED_CHARS) : text;
        return model.embed(t).content().vector();
    }

    @Override
    public Sentiment score(String text, Rating rating) {
        Sentiment s = learned.score(text, rating);
        if (s.probabilities() == null || rating != null || s.confidence() >= unsureBelow) {
            return s;
        }
        double[] fromEmbedding = new double[LinearModel.OUTPUTS];
        double[] z = head.logits(DeepHead.inputs(embed(text), s.probabilities()), fromEmbedding);
        double ts = head.sentimentTemperature();
        double m = Math.max(z[0], Math.max(z[1], z[2]));
        double eNeg = Math.exp((z[0] - m) / ts);
        double eNeu = Math.exp((z[1] - m) / ts);
        double ePos = Math.exp((z[2] - m) / ts);
        double sum = eNeg + eNeu + ePos;
        double pNeg = eNeg / sum;
        double pNeu = eNeu / sum;
        double pPos = ePos / sum;
        double pComplaint = 1 / (1 + Math.exp(-z[3] / head.complaintTemperature()));
        Label label = pNeg >= pPos && pNeg >= pNeu ? Label.NEGATIVE : pPos >= pNeu ? Label.POSITIVE : Label.NEUTRAL;
        double confidence = label == Label.NEGATIVE ? pNeg : label == Label.POSITIVE ? pPos : pNeu;
        boolean complaint = pComplaint >= head.complaintThreshold();
        Intent intent = complaint ? Intent.COMPLAINT
                : s.intent() == Intent.QUESTION ? Intent.QUESTION : label == Label.POSITIVE ? Intent.PRAISE : Intent.OTHER;
        List<Contribution> why = new ArrayList<>(s.explanation().size() + 1);
        why.add(new Contribution("sentence meaning", "deep",
                round((fromEmbedding[LinearModel.POSITIVE] - fromEmbedding[LinearModel.NEGATIVE]) / ts)));
        for (Contribution c : s.explanation()) {
            if (why.size() < LearnedScorer.MAX_EXPLANATION) {
                why.add(c);
            }
        }
        return new Sentiment(pPos - pNeg, label, complaint, intent, s.aspects(), why, s.language(), s.ratingConflict(),
                round(confidence), new Probabilities(round(pNeg), round(pNeu), round(pPos), round(pComplaint)));
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    @Override
    public String toString() {
        return "DeepScorer[below " + unsureBelow + ", " + head + ", " + learned + "]";
    }
}
