package dev.earshot.sentiment.scoring;

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
 * The learned scorer's weights: four linear heads (negative, neutral, positive as one softmax;
 * complaint as its own yes/no) over hashed features and the rules' dense features, with the
 * temperatures that calibrate them. Written by {@code scorer-training}, shipped as the resource
 * {@link #RESOURCE}.
 *
 * <p>File format (gzip): magic {@code ESLM}, format version, a free-text description, the hash
 * bits, dense and output counts, the two temperatures and the complaint threshold, biases and dense
 * weights as floats, hashed weights as 16-bit integers times one float scale (bucket-major, four
 * per bucket), and the bit set of buckets that count as evidence (words seen in training that move
 * a score).
 */
public final class LinearModel {

    public static final int OUTPUTS = 4;
    public static final int NEGATIVE = 0;
    public static final int NEUTRAL = 1;
    public static final int POSITIVE = 2;
    public static final int COMPLAINT = 3;
    public static final int DENSE = LearnedFeatures.DENSE;
    public static final String RESOURCE = "/earshot/sentiment-model.bin";
    private static final int MAGIC = 0x45534c4d; // "ESLM"
    public static final int FORMAT_VERSION = 1;

    final String description;
    final int bits;
    final int mask;
    final float[] weights;      // [bucket * OUTPUTS + output]
    final float[] denseWeights; // [dense * OUTPUTS + output]
    final float[] bias;         // [output]
    final double sentimentTemperature;
    final double complaintTemperature;
    final double complaintThreshold;
    final long[] known;         // bit per bucket

    public LinearModel(String description, int bits, float[] weights, float[] denseWeights, float[] bias,
            double sentimentTemperature, double complaintTemperature, double complaintThreshold, long[] known) {
        if (bits < 8 || bits > 24 || weights.length != (OUTPUTS << bits) || denseWeights.length != DENSE * OUTPUTS
                || bias.length != OUTPUTS || known.length != Math.max(1, (1 << bits) / 64)) {
            throw new IllegalArgumentException("inconsistent model dimensions");
        }
        this.description = description;
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.weights = weights;
        this.denseWeights = denseWeights;
        this.bias = bias;
        this.sentimentTemperature = sentimentTemperature;
        this.complaintTemperature = complaintTemperature;
        this.complaintThreshold = complaintThreshold;
        this.known = known;
    }

    /** The weights shipped with the service. */
    public static LinearModel bundled() {
        try (InputStream in = LinearModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("model resource " + RESOURCE + " missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static LinearModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not an Earshot linear model");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("model format " + version + ", this build reads " + FORMAT_VERSION);
        }
        String description = in.readUTF();
        int bits = in.readInt();
        int dense = in.readInt();
        int outputs = in.readInt();
        if (dense != DENSE || outputs != OUTPUTS) {
            throw new IOException("model has " + dense + " dense features and " + outputs + " outputs, this build "
                    + DENSE + " and " + OUTPUTS);
        }
        double ts = in.readDouble();
        double tc = in.readDouble();
        double threshold = in.readDouble();
        float[] bias = new float[OUTPUTS];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = in.readFloat();
        }
        float[] denseWeights = new float[DENSE * OUTPUTS];
        for (int i = 0; i < denseWeights.length; i++) {
            denseWeights[i] = in.readFloat();
        }
        float scale = in.readFloat();
        float[] weights = new float[OUTPUTS << bits];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readShort() * scale;
        }
        long[] known = new long[in.readInt()];
        for (int i = 0; i < known.length; i++) {
            known[i] = in.readLong();
        }
        return new LinearModel(description, bits, weights, denseWeights, bias, ts, tc, threshold, known);
    }

    /** Writes this model; hashed weights are quantized to 16 bits, so read it back to evaluate what ships. */
    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(description);
        out.writeInt(bits);
        out.writeInt(DENSE);
        out.writeInt(OUTPUTS);
        out.writeDouble(sentimentTemperature);
        out.writeDouble(complaintTemperature);
        out.writeDouble(complaintThreshold);
        for (float b : bias) {
            out.writeFloat(b);
        }
        for (float d : denseWeights) {
            out.writeFloat(d);
        }
        float max = 0;
        for (float x : weights) {
            max = Math.max(max, Math.abs(x));
        }
        float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
        out.writeFloat(scale);
        for (float x : weights) {
            out.writeShort(Math.round(x / scale));
        }
        out.writeInt(known.length);
        for (long k : known) {
            out.writeLong(k);
        }
        out.flush();
        gz.finish();
    }

    public String description() {
        return description;
    }

    public int bits() {
        return bits;
    }

    boolean known(int bucket) {
        return (known[bucket >>> 6] & (1L << bucket)) != 0;
    }

    /** The raw (uncalibrated) logits of all four outputs into {@code w.logits}. */
    void logits(Workspace w) {
        double[] z = w.logits;
        for (int o = 0; o < OUTPUTS; o++) {
            z[o] = bias[o];
        }
        double x = LearnedFeatures.featureValue(w.features);
        double z0 = 0;
        double z1 = 0;
        double z2 = 0;
        double z3 = 0;
        float[] wt = weights;
        for (int f = 0; f < w.features; f++) {
            int k = w.fBucket[f] << 2;
            z0 += wt[k];
            z1 += wt[k + 1];
            z2 += wt[k + 2];
            z3 += wt[k + 3];
        }
        z[0] += x * z0;
        z[1] += x * z1;
        z[2] += x * z2;
        z[3] += x * z3;
        double[] d = w.dense;
        for (int j = 0; j < DENSE; j++) {
            if (d[j] != 0) {
                int k = j * OUTPUTS;
                for (int o = 0; o < OUTPUTS; o++) {
                    z[o] += d[j] * denseWeights[k + o];
                }
            }
        }
    }

    @Override
    public String toString() {
        return "LinearModel[2^" + bits + " buckets, " + description + "]";
    }
}
