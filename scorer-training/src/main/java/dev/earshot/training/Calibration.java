package dev.earshot.training;

import java.util.List;
import java.util.function.Predicate;

/**
 * Temperature scaling on the dev split (natural class mix, unweighted): one temperature for the
 * sentiment softmax and one for the complaint head, each the one with the lowest log-loss; then the
 * lowest complaint threshold that flags at most {@code maxFalseFlags} of the post-like dev positives
 * (long reviews are most of the dev split but not what Earshot scores).
 */
record Calibration(double sentimentTemperature, double complaintTemperature, double complaintThreshold) {

    static Calibration fit(Model model, List<Example> dev, double maxFalseFlags, Predicate<Row> postLike) {
        double[][] z = new double[dev.size()][Model.O];
        for (int i = 0; i < dev.size(); i++) {
            model.logits(dev.get(i), z[i]);
        }
        double bestTs = 1;
        double bestLoss = Double.MAX_VALUE;
        double bestTc = 1;
        double bestComplaintLoss = Double.MAX_VALUE;
        for (double t = 0.3; t <= 4.0001; t += 0.05) {
            double loss = 0;
            double complaintLoss = 0;
            for (int i = 0; i < dev.size(); i++) {
                Example e = dev.get(i);
                double[] zi = z[i];
                if (Evaluation.gold(e.row().label()) >= 0) {
                    double m = Math.max(zi[0], Math.max(zi[1], zi[2]));
                    double s = 0;
                    for (int c = 0; c < 3; c++) {
                        s += Math.exp((zi[c] - m) / t);
                    }
                    loss -= (zi[e.sentiment()] - m) / t - Math.log(s);
                }
                double pc = 1 / (1 + Math.exp(-zi[3] / t));
                complaintLoss -= Math.log(Math.max(1e-12, e.complaint() == 1 ? pc : 1 - pc));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                bestTs = t;
            }
            if (complaintLoss < bestComplaintLoss) {
                bestComplaintLoss = complaintLoss;
                bestTc = t;
            }
        }
        double threshold = 0.9;
        for (double th = 0.30; th <= 0.9001; th += 0.01) {
            long positives = 0;
            long flagged = 0;
            for (int i = 0; i < dev.size(); i++) {
                Row r = dev.get(i).row();
                if (Evaluation.gold(r.label()) == 2 && postLike.test(r)) {
                    positives++;
                    if (1 / (1 + Math.exp(-z[i][3] / bestTc)) >= th) {
                        flagged++;
                    }
                }
            }
            if (positives == 0 || flagged <= maxFalseFlags * positives) {
                threshold = th;
                break;
            }
        }
        return new Calibration(round(bestTs), round(bestTc), round(threshold));
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
