package dev.earshot.training;

import dev.earshot.sentiment.scoring.LinearModel;

/** The weights while training: the same layout as {@link LinearModel}, in doubles, with AdaGrad's sums. */
final class Model {

    static final int O = LinearModel.OUTPUTS;
    static final int D = LinearModel.DENSE;

    final int bits;
    final double[] w;
    final double[] g;
    final double[] dw = new double[D * O];
    final double[] dg = new double[D * O];
    final double[] b = new double[O];
    final double[] bg = new double[O];

    Model(int bits) {
        this.bits = bits;
        this.w = new double[O << bits];
        this.g = new double[O << bits];
    }

    /** Raw logits of the four outputs. */
    void logits(Example e, double[] z) {
        System.arraycopy(b, 0, z, 0, O);
        for (int bucket : e.buckets()) {
            int k = bucket * O;
            for (int o = 0; o < O; o++) {
                z[o] += e.value() * w[k + o];
            }
        }
        double[] d = e.dense();
        for (int j = 0; j < D; j++) {
            if (d[j] != 0) {
                for (int o = 0; o < O; o++) {
                    z[o] += d[j] * dw[j * O + o];
                }
            }
        }
    }

    /** One AdaGrad step with gradient {@code grad[o]} of the loss per logit; L2 on the weights touched. */
    void step(Example e, double[] grad, double rate, double l2) {
        for (int bucket : e.buckets()) {
            int k = bucket * O;
            for (int o = 0; o < O; o++) {
                if (grad[o] != 0) {
                    double gi = grad[o] * e.value() + l2 * w[k + o];
                    g[k + o] += gi * gi;
                    w[k + o] -= rate * gi / Math.sqrt(g[k + o] + 1e-8);
                }
            }
        }
        double[] d = e.dense();
        for (int j = 0; j < D; j++) {
            if (d[j] != 0) {
                for (int o = 0; o < O; o++) {
                    if (grad[o] != 0) {
                        int k = j * O + o;
                        double gi = grad[o] * d[j] + l2 * dw[k];
                        dg[k] += gi * gi;
                        dw[k] -= rate * gi / Math.sqrt(dg[k] + 1e-8);
                    }
                }
            }
        }
        for (int o = 0; o < O; o++) {
            if (grad[o] != 0) {
                bg[o] += grad[o] * grad[o];
                b[o] -= rate * grad[o] / Math.sqrt(bg[o] + 1e-8);
            }
        }
    }
}
