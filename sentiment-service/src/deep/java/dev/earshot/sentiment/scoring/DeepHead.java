package dev.earshot.sentiment.scoring;

import dev.earshot.events.ScoredMention.Probabilities;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The deep tier's head: a linear layer over a sentence embedding and the learned tier's own
 * log-probabilities, four outputs as in {@link LinearModel} (negative, neutral, positive softmax;
 * complaint yes/no), with a temperature per head and a complaint threshold fitted on the dev split.
 * File: gzip of {@code ESDH}, format version, description, input size, temperatures, threshold,
 * then {@code OUTPUTS × (inputs + 1)} floats (bias last).
 */
public final class DeepHead {

    public static final String RESOURCE = "/earshot/deep-head.bin";
    public static final int EMBEDDING = 384;
    /** Embedding, then ln P(negative), ln P(neutral), ln P(positive), logit P(complaint) of the learned tier. */
    public static final int INPUTS = EMBEDDING + 4;
    private static final int MAGIC = 0x45534448; // "ESDH"
    private static final int FORMAT_VERSION = 1;

    final String description;
    final float[] weights; // [output * (INPUTS + 1) + input], bias at INPUTS
    final double sentimentTemperature;
    final double complaintTemperature;
    final double complaintThreshold;

    public DeepHead(String description, float[] weights, double sentimentTemperature, double complaintTemperature,
            double complaintThreshold) {
        if (weights.length != LinearModel.OUTPUTS * (INPUTS + 1)) {
            throw new IllegalArgumentException("head has " + weights.length + " weights");
        }
        this.description = description;
        this.weights = weights;
        this.sentimentTemperature = sentimentTemperature;
        this.complaintTemperature = complaintTemperature;
        this.complaintThreshold = complaintThreshold;
    }

    public static DeepHead bundled() {
        try (InputStream in = DeepHead.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing: train it with scorer-training's deep profile");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DeepHead read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
            throw new IOException("not an Earshot deep head of format " + FORMAT_VERSION);
        }
        String description = in.readUTF();
        if (in.readInt() != INPUTS) {
            throw new IOException("head built for another input size");
        }
        double ts = in.readDouble();
        double tc = in.readDouble();
        double th = in.readDouble();
        float[] w = new float[LinearModel.OUTPUTS * (INPUTS + 1)];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readFloat();
        }
        return new DeepHead(description, w, ts, tc, th);
    }

    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(description);
        out.writeInt(INPUTS);
        out.writeDouble(sentimentTemperature);
        out.writeDouble(complaintTemperature);
        out.writeDouble(complaintThreshold);
        for (float x : weights) {
            out.writeFloat(x);
        }
        out.flush();
        gz.finish();
    }

    /** The head's inputs for one text: its embedding and the learned tier's probabilities. */
    public static double[] inputs(float[] embedding, Probabilities p) {
        double[] x = new double[INPUTS];
        for (int i = 0; i < EMBEDDING; i++) {
            x[i] = embedding[i];
        }
        x[EMBEDDING] = Math.log(Math.max(1e-4, p.negative()));
        x[EMBEDDING + 1] = Math.log(Math.max(1e-4, p.neutral()));
        x[EMBEDDING + 2] = Math.log(Math.max(1e-4, p.positive()));
        double c = Math.min(1 - 1e-4, Math.max(1e-4, p.complaint()));
        x[EMBEDDING + 3] = Math.log(c / (1 - c));
        return x;
    }

    /** Raw logits of the four outputs; {@code fromEmbedding} gets the embedding's share of each. */
    public double[] logits(double[] x, double[] fromEmbedding) {
        double[] z = new double[LinearModel.OUTPUTS];
        int row = INPUTS + 1;
        for (int o = 0; o < LinearModel.OUTPUTS; o++) {
            double e = 0;
            for (int i = 0; i < EMBEDDING; i++) {
                e += weights[o * row + i] * x[i];
            }
            double s = weights[o * row + INPUTS];
            for (int i = EMBEDDING; i < INPUTS; i++) {
                s += weights[o * row + i] * x[i];
            }
            z[o] = e + s;
            if (fromEmbedding != null) {
                fromEmbedding[o] = e;
            }
        }
        return z;
    }

    public double sentimentTemperature() {
        return sentimentTemperature;
    }

    public double complaintTemperature() {
        return complaintTemperature;
    }

    public double complaintThreshold() {
        return complaintThreshold;
    }

    @Override
    public String toString() {
        return "DeepHead[" + description + "]";
    }
}
