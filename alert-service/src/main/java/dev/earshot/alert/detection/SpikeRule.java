package dev.earshot.alert.detection;

import dev.earshot.events.Alert;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether the negative mentions in the sliding window are a storm for this brand, measured
 * against the brand's own baseline. The rule (documented with its defaults in the README):
 *
 * <ol>
 * <li>Baseline rate {@code r}: negative mentions per hour over the last two weeks (the window itself
 * left out), never below a small prior ({@code priorPerDay} weighing {@code priorDays}) so a brand
 * with few or no negative mentions yet is not alarmed by the first one.</li>
 * <li>Daily rhythm {@code f}: how busy this hour of the day usually is, from all mentions, shrunk
 * toward 1 for hours seen only a few times.</li>
 * <li>Expected count {@code λ = r × window hours × f}; spread {@code φ} = how much more the hourly
 * counts vary than a Poisson count would (≥ 1).</li>
 * <li>Spike when the count {@code k} is at least {@code spikeMinCount} and
 * {@code P(Poisson(λ/φ) ≥ k/φ) ≤ spikeMaxPValue}. Tiny counts are judged by that tail probability,
 * so 2 in an hour is a storm for a brand with one a week and nothing for one with 500 a day.</li>
 * <li>Also a spike when the window's negative share jumps: at least {@code shareMinMentions} mentions,
 * a share at least {@code shareJump} above the baseline share, and a binomial tail ≤ {@code spikeMaxPValue}.</li>
 * </ol>
 */
public final class SpikeRule {

    public static final String RULE = "negative-count-spike";
    public static final String SHARE_RULE = "negative-share-jump";
    private static final long HOUR_MS = 3_600_000L;
    /** Prior weight, in days, that pulls a rarely seen hour of the day toward the average hour. */
    private static final double RHYTHM_SHRINK_DAYS = 3;
    private static final double MAX_DISPERSION = 5;

    /** The baseline figures, exposed for the simulation tests and the alert's figures. */
    public record Baseline(double ratePerHour, double rhythm, double dispersion, double negativeShare, int hours) {
    }

    public Optional<Detection> evaluate(BrandHistory history, DetectionSettings settings) {
        int k = history.windowNegatives();
        if (k < settings.spikeMinCount()) {
            return Optional.empty();
        }
        Baseline base = baseline(history, settings);
        if (base.hours() < settings.spikeWarmup().toHours()) {
            return Optional.empty();
        }
        double windowHours = settings.spikeWindow().toMillis() / (double) HOUR_MS;
        double expected = base.ratePerHour() * windowHours * base.rhythm();
        double phi = base.dispersion();
        double p = poissonUpperTail((int) Math.ceil(k / phi - 1e-9), expected / phi);
        if (p <= settings.spikeMaxPValue()) {
            Map<String, Double> figures = figures(history, base, expected, p, settings);
            String summary = String.format(Locale.ROOT,
                    "%d negative mentions in the last %d minutes, against about %.1f expected for this hour"
                            + " (%.0f times the usual).",
                    k, settings.spikeWindow().toMinutes(), expected, k / Math.max(expected, 0.01));
            Alert.Severity severity = p <= settings.spikeMaxPValue() * settings.spikeMaxPValue() && k >= 5
                    ? Alert.Severity.HIGH : Alert.Severity.MEDIUM;
            return Optional.of(new Detection(Alert.Kind.SPIKE, severity, Detection.CAUSE_NEGATIVE, RULE, summary,
                    figures));
        }
        int n = history.windowTotal();
        if (n >= settings.shareMinMentions()) {
            double share = k / (double) n;
            double pShare = binomialUpperTail(k, n, base.negativeShare());
            if (share >= base.negativeShare() + settings.shareJump() && pShare <= settings.spikeMaxPValue()) {
                Map<String, Double> figures = figures(history, base, expected, pShare, settings);
                figures.put("share", DriftRule.round(share));
                figures.put("baselineShare", DriftRule.round(base.negativeShare()));
                String summary = String.format(Locale.ROOT,
                        "%.0f%% of the last %d mentions are negative, against a usual %.0f%%.", share * 100, n,
                        base.negativeShare() * 100);
                return Optional.of(new Detection(Alert.Kind.SPIKE, Alert.Severity.MEDIUM, Detection.CAUSE_NEGATIVE,
                        SHARE_RULE, summary, figures));
            }
        }
        return Optional.empty();
    }

    private static Map<String, Double> figures(BrandHistory history, Baseline base, double expected, double p,
            DetectionSettings settings) {
        Map<String, Double> figures = new LinkedHashMap<>();
        int k = history.windowNegatives();
        figures.put("count", (double) k);
        figures.put("expected", DriftRule.round(expected));
        figures.put("baselinePerHour", DriftRule.round(base.ratePerHour()));
        figures.put("timesUsual", DriftRule.round(k / Math.max(expected, 0.01)));
        figures.put("zScore", DriftRule.round((k - expected) / Math.sqrt(Math.max(expected * base.dispersion(), 0.01))));
        figures.put("pValue", p);
        figures.put("windowMinutes", (double) settings.spikeWindow().toMinutes());
        figures.put("baselineHours", (double) base.hours());
        return figures;
    }

    /** The brand's baseline for the hour of its newest mention, from the hours before the window. */
    public Baseline baseline(BrandHistory history, DetectionSettings settings) {
        long windowStartHour = Math.floorDiv(history.newestMs - settings.spikeWindow().toMillis(), HOUR_MS);
        long from = Math.max(history.firstHour, history.lastHour - BrandHistory.HOURS + 1);
        double[] totalsByHourOfDay = new double[24];
        int[] hoursByHourOfDay = new int[24];
        long negatives = 0;
        long totals = 0;
        int hours = 0;
        for (long h = from; h < windowStartHour; h++) {
            int hod = (int) Math.floorMod(h, 24L);
            totalsByHourOfDay[hod] += history.totalsAt(h);
            hoursByHourOfDay[hod]++;
            negatives += history.negativesAt(h);
            totals += history.totalsAt(h);
            hours++;
        }
        double priorHours = settings.priorDays() * 24;
        // The prior only lifts a rate the data leave near zero; it never drags a busy brand's rate down.
        double smoothed = (negatives + settings.priorPerDay() * settings.priorDays()) / (hours + priorHours);
        double rate = Math.max(hours == 0 ? 0 : negatives / (double) hours, smoothed);
        double meanTotal = hours == 0 ? 0 : totals / (double) hours;
        double[] rhythm = new double[24];
        for (int hod = 0; hod < 24; hod++) {
            rhythm[hod] = meanTotal <= 0 ? 1 : clamp((totalsByHourOfDay[hod] + RHYTHM_SHRINK_DAYS * meanTotal)
                    / ((hoursByHourOfDay[hod] + RHYTHM_SHRINK_DAYS) * meanTotal), 0.2, 5);
        }
        double dispersion = 1;
        if (hours >= 48 && negatives > 0) {
            double meanNeg = negatives / (double) hours;
            double chi2 = 0;
            for (long h = from; h < windowStartHour; h++) {
                double e = meanNeg * rhythm[(int) Math.floorMod(h, 24L)];
                double d = history.negativesAt(h) - e;
                chi2 += d * d / e;
            }
            dispersion = clamp(chi2 / (hours - 1), 1, MAX_DISPERSION);
        }
        double share = (negatives + 1) / (double) (totals + 2);
        int hod = (int) Math.floorMod(Math.floorDiv(history.newestMs, HOUR_MS), 24L);
        return new Baseline(rate, rhythm[hod], dispersion, share, hours);
    }

    /** P(X ≥ k) for X ~ Poisson(λ). */
    public static double poissonUpperTail(int k, double lambda) {
        if (k <= 0) {
            return 1;
        }
        if (lambda <= 0) {
            return 0;
        }
        if (k <= lambda) {
            return 1;
        }
        double sum = 0;
        double logLambda = Math.log(lambda);
        for (int i = k; i < k + 2000; i++) {
            double term = Math.exp(-lambda + i * logLambda - logFactorial(i));
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return Math.min(1, sum);
    }

    /** P(X ≥ k) for X ~ Binomial(n, p). */
    public static double binomialUpperTail(int k, int n, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        double sum = 0;
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        for (int i = k; i <= n; i++) {
            sum += Math.exp(logFactorial(n) - logFactorial(i) - logFactorial(n - i) + i * logP + (n - i) * logQ);
        }
        return Math.min(1, sum);
    }

    private static final double[] LOG_FACTORIALS = new double[1024];

    static {
        for (int i = 1; i < LOG_FACTORIALS.length; i++) {
            LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1] + Math.log(i);
        }
    }

    static double logFactorial(int n) {
        if (n < LOG_FACTORIALS.length) {
            return LOG_FACTORIALS[n];
        }
        double x = n + 1.0; // Stirling's series for ln Γ(x)
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
