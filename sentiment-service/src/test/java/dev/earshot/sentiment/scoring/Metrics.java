package dev.earshot.sentiment.scoring;

import dev.earshot.events.Label;
import java.util.List;

/**
 * Accuracy, macro-F1 and Pearson correlation of predictions against gold labels. A predicted
 * {@code UNKNOWN} (no evidence) counts as neutral: it is neither positive nor negative.
 */
record Metrics(int n, double accuracy, double macroF1, double pearson, double complaintPrecision,
        double complaintRecall, double complaintF1) {

    record Prediction(Label gold, double goldIntensity, Label predicted, double score, boolean goldComplaint,
            boolean predictedComplaint) {
    }

    static Label collapse(Label label) {
        return label == Label.UNKNOWN ? Label.NEUTRAL : label;
    }

    static Metrics of(List<Prediction> predictions) {
        int n = predictions.size();
        int correct = 0;
        Label[] classes = {Label.NEGATIVE, Label.NEUTRAL, Label.POSITIVE};
        int[] tp = new int[3];
        int[] fp = new int[3];
        int[] fn = new int[3];
        int ctp = 0;
        int cfp = 0;
        int cfn = 0;
        for (Prediction p : predictions) {
            Label predicted = collapse(p.predicted());
            if (predicted == p.gold()) {
                correct++;
            }
            for (int c = 0; c < 3; c++) {
                boolean isGold = p.gold() == classes[c];
                boolean isPredicted = predicted == classes[c];
                if (isGold && isPredicted) {
                    tp[c]++;
                } else if (isPredicted) {
                    fp[c]++;
                } else if (isGold) {
                    fn[c]++;
                }
            }
            if (p.goldComplaint() && p.predictedComplaint()) {
                ctp++;
            } else if (p.predictedComplaint()) {
                cfp++;
            } else if (p.goldComplaint()) {
                cfn++;
            }
        }
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < 3; c++) {
            if (tp[c] + fp[c] + fn[c] == 0) {
                continue; // class absent from both gold and predictions in this subset
            }
            present++;
            f1Sum += f1(tp[c], fp[c], fn[c]);
        }
        double precision = ctp + cfp == 0 ? Double.NaN : ctp / (double) (ctp + cfp);
        double recall = ctp + cfn == 0 ? Double.NaN : ctp / (double) (ctp + cfn);
        return new Metrics(n, n == 0 ? Double.NaN : correct / (double) n, present == 0 ? Double.NaN : f1Sum / present,
                pearson(predictions), precision, recall, ctp + cfp + cfn == 0 ? Double.NaN : f1(ctp, cfp, cfn));
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static double pearson(List<Prediction> predictions) {
        int n = predictions.size();
        double mx = 0;
        double my = 0;
        for (Prediction p : predictions) {
            mx += p.score();
            my += p.goldIntensity();
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (Prediction p : predictions) {
            double dx = p.score() - mx;
            double dy = p.goldIntensity() - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
