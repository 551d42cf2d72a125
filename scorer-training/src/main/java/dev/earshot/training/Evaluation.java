package dev.earshot.training;

import dev.earshot.events.Label;
import dev.earshot.sentiment.scoring.Scorer;
import dev.earshot.sentiment.scoring.Sentiment;
import java.util.List;
import java.util.Locale;

/**
 * The figures for one set of labelled rows, scored text-only (a row's stars are its label,
 * so they are never given to the scorer):
 * <ul>
 *   <li>accuracy over the three classes (an {@code unknown} answer counts as wrong), per-class F1;
 *   <li>binary accuracy on negative vs positive rows, read from the score's sign (unknown = wrong);
 *   <li>1–2 vs 4–5 stars, the same where the file has stars;
 *   <li>share of negative rows labelled positive;
 *   <li>complaint recall (rows whose {@code complaint} column says so, else negative rows and complaint
 *       narratives) and the share of positive rows flagged as complaints;
 *   <li>how many rows were left unscored (not English) or unknown (no evidence).
 * </ul>
 */
final class Evaluation {

    private static final String[] CLASSES = {"negative", "neutral", "positive"};

    final String name;
    final long[][] confusion = new long[3][4]; // gold x predicted (negative, neutral, positive, unknown)
    long binaryTotal;
    long binaryRight;
    long starsTotal;
    long starsRight;
    long complaintGold;
    long complaintCaught;
    long positives;
    long positivesFlagged;
    long rows;
    long unknown;
    long unscored;
    final long[] binCount = new long[10];
    final double[] binConfidence = new double[10];
    final long[] binRight = new long[10];

    Evaluation(String name) {
        this.name = name;
    }

    static Evaluation of(String name, List<Row> rows, Scorer scorer) {
        Evaluation e = new Evaluation(name);
        for (Row r : rows) {
            e.add(r, scorer.score(Masks.strip(r.text()), null));
        }
        return e;
    }

    void add(Row r, Sentiment s) {
        rows++;
        boolean isUnknown = s.label() == Label.UNKNOWN;
        if (isUnknown) {
            unknown++;
            if (!s.language().equals("en") && !s.language().equals("und")) {
                unscored++;
            }
        }
        int gold = gold(r.label());
        int pred = switch (s.label()) {
            case NEGATIVE -> 0;
            case NEUTRAL -> 1;
            case POSITIVE -> 2;
            case UNKNOWN -> 3;
        };
        if (gold >= 0) {
            confusion[gold][pred]++;
            if (s.confidence() != null && !isUnknown) {
                int bin = Math.min(9, (int) (s.confidence() * 10));
                binCount[bin]++;
                binConfidence[bin] += s.confidence();
                if (gold == pred) {
                    binRight[bin]++;
                }
            }
        }
        int sign = isUnknown ? 0 : s.score() < 0 ? -1 : s.score() > 0 ? 1 : 0;
        if (gold == 0 || gold == 2) {
            binaryTotal++;
            if ((gold == 0 && sign < 0) || (gold == 2 && sign > 0)) {
                binaryRight++;
            }
        }
        if (r.stars() == 1 || r.stars() == 2 || r.stars() == 4 || r.stars() == 5) {
            starsTotal++;
            if ((r.stars() <= 2 && sign < 0) || (r.stars() >= 4 && sign > 0)) {
                starsRight++;
            }
        }
        if (r.isComplaint()) {
            complaintGold++;
            if (s.complaint()) {
                complaintCaught++;
            }
        }
        if (gold == 2) {
            positives++;
            if (s.complaint()) {
                positivesFlagged++;
            }
        }
    }

    static int gold(String label) {
        return switch (label) {
            case "negative" -> 0;
            case "neutral" -> 1;
            case "positive" -> 2;
            default -> -1;
        };
    }

    long labelled() {
        long n = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    double accuracy() {
        long right = confusion[0][0] + confusion[1][1] + confusion[2][2];
        return ratio(right, labelled());
    }

    double f1(int c) {
        long tp = confusion[c][c];
        long goldC = 0;
        long predC = 0;
        for (int i = 0; i < 4; i++) {
            goldC += confusion[c][i];
        }
        for (int g = 0; g < 3; g++) {
            predC += confusion[g][c];
        }
        double p = ratio(tp, predC);
        double rc = ratio(tp, goldC);
        return p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
    }

    /** Expected calibration error of {@code confidence} over 10 bins (labelled, scored rows). */
    double calibrationError() {
        long n = 0;
        double err = 0;
        for (int b = 0; b < 10; b++) {
            n += binCount[b];
            if (binCount[b] > 0) {
                err += Math.abs(binRight[b] - binConfidence[b]);
            }
        }
        return n == 0 ? Double.NaN : err / n;
    }

    double negativesLabelledPositive() {
        long neg = confusion[0][0] + confusion[0][1] + confusion[0][2] + confusion[0][3];
        return ratio(confusion[0][2], neg);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    static String header() {
        return "| set | rows | accuracy (3 classes) | F1 neg | F1 neu | F1 pos | binary neg/pos | 1-2 vs 4-5 stars "
                + "| neg labelled pos | complaint recall | pos flagged complaint | unknown | unscored (not en) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    String tableRow() {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d |", name, rows,
                f(accuracy()), f(f1(0)), f(f1(1)), f(f1(2)), f(ratio(binaryRight, binaryTotal)),
                f(ratio(starsRight, starsTotal)), pct(negativesLabelledPositive()),
                f(ratio(complaintCaught, complaintGold)), pct(ratio(positivesFlagged, positives)), unknown, unscored);
    }

    private static String f(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.3f", x);
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }

    static String confusionHeader() {
        return "gold \\ predicted: " + String.join(" ", CLASSES) + " unknown";
    }

    String confusionText() {
        StringBuilder b = new StringBuilder(name).append('\n');
        for (int g = 0; g < 3; g++) {
            b.append(String.format(Locale.ROOT, "  %-8s %6d %6d %6d %6d%n", CLASSES[g], confusion[g][0], confusion[g][1],
                    confusion[g][2], confusion[g][3]));
        }
        return b.toString();
    }
}
