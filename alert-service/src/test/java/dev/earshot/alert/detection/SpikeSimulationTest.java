package dev.earshot.alert.detection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The spike rule on generated series, with the figures the README reports: how many false
 * incidents a brand gets a month on calm series, and how many injected storms the rule misses.
 * Every series is seeded, so the figures are reproducible:
 * {@code ./mvnw -o -q -pl alert-service test -Dtest=SpikeSimulationTest} prints the table.
 */
class SpikeSimulationTest {

    static final long HOUR = 3_600_000L;
    static final int DAYS = 42;
    static final int RUNS = 40;
    /** Alerts closer than this to the previous one fold into the same incident (the fold window). */
    static final long FOLD_MS = 6 * HOUR;
    static final DetectionSettings SETTINGS = DetectionSettings.defaults();

    /** A brand's mention stream: mentions per hour at hour h (from the start), and its negative share. */
    record Series(String name, DoubleUnaryOperator perHour, DoubleUnaryOperator negativeShare, int stormSize) {
    }

    static final List<Series> SERIES = List.of(
            new Series("steady, 500 a day, 15% negative", h -> 500 / 24.0, h -> 0.15, 30),
            new Series("daily rhythm, 500 a day, 15% negative", h -> 500 / 24.0 * rhythm(h), h -> 0.15, 30),
            new Series("small, 20 a day, 10% negative", h -> 20 / 24.0 * rhythm(h), h -> 0.10, 6),
            new Series("tiny, 4 a week, 1 negative a week", h -> 4 / 168.0, h -> 0.25, 3),
            new Series("slow drift, 200 a day, 10% -> 40% negative over 6 weeks", h -> 200 / 24.0,
                    h -> 0.10 + 0.30 * h / (DAYS * 24.0), 20));

    static double rhythm(double hour) {
        return 1 + 0.9 * Math.sin(2 * Math.PI * ((hour % 24) - 9) / 24);
    }

    record Outcome(double falsePerMonth, double missedRate, double meanMentionsToDetect) {
    }

    @Test
    void falseAlertAndMissedStormRatesOnGeneratedSeries() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
                "series", "false incidents / month", "storm (extra negatives in 1 h)", "missed storms",
                "storm mentions before the alert", "weak storm: missed"));
        List<Outcome> outcomes = new ArrayList<>();
        for (Series s : SERIES) {
            Outcome o = run(s, s.stormSize());
            Outcome weak = run(s, Math.max(2, s.stormSize() / 3));
            outcomes.add(o);
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %d | %.1f%% | %.1f | %d: %.1f%% |%n", s.name(),
                    o.falsePerMonth(), s.stormSize(), o.missedRate() * 100, o.meanMentionsToDetect(),
                    Math.max(2, s.stormSize() / 3), weak.missedRate() * 100));
        }
        System.out.println("Spike rule on generated series (" + RUNS + " seeded runs of " + DAYS + " days each):\n"
                + table);
        for (int i = 0; i < SERIES.size(); i++) {
            assertTrue(outcomes.get(i).falsePerMonth() <= 1.0, SERIES.get(i).name() + ": " + outcomes.get(i));
            assertTrue(outcomes.get(i).missedRate() <= 0.05, SERIES.get(i).name() + ": " + outcomes.get(i));
        }
    }

    @Test
    void twoNegativesInAnHourAreAStormForAWeeklyBrandButNotForABusyOne() {
        assertTrue(firesOnTwo(4 / 168.0, 0.25), "1 negative a week: 2 in an hour is a storm");
        assertTrue(!firesOnTwo(500 / 24.0, 0.15), "75 negatives a day: 2 in an hour is nothing");
    }

    private static boolean firesOnTwo(double perHour, double share) {
        Random r = new Random(7);
        BrandHistory h = new BrandHistory();
        long t = 0;
        for (long hour = 0; hour < 14 * 24; hour++) {
            int n = poisson(r, perHour);
            for (int i = 0; i < n; i++) {
                h.record(hour * HOUR + r.nextInt((int) HOUR), r.nextDouble() < share, SETTINGS.spikeWindow().toMillis());
            }
            t = (hour + 1) * HOUR;
        }
        t += 3 * HOUR; // a quiet moment after the history, so the window holds only the two
        h.record(t, true, SETTINGS.spikeWindow().toMillis());
        h.record(t + 60_000, true, SETTINGS.spikeWindow().toMillis());
        return new SpikeRule().evaluate(h, SETTINGS).isPresent() && h.windowNegatives() == 2;
    }

    private Outcome run(Series s, int stormSize) {
        SpikeRule rule = new SpikeRule();
        int falseAlerts = 0;
        int missed = 0;
        int detected = 0;
        long toDetect = 0;
        for (int run = 0; run < RUNS; run++) {
            Random r = new Random(1000L * run + s.name().hashCode());
            BrandHistory h = new BrandHistory();
            long stormStart = (15 * 24 + r.nextInt((DAYS - 16) * 24)) * HOUR + r.nextInt((int) HOUR);
            long stormEnd = stormStart + HOUR;
            boolean stormSeen = false;
            int stormMentions = 0;
            long lastAlert = Long.MIN_VALUE / 2;
            List<long[]> events = new ArrayList<>();
            for (long hour = 0; hour < DAYS * 24L; hour++) {
                int n = poisson(r, s.perHour().applyAsDouble(hour));
                for (int i = 0; i < n; i++) {
                    events.add(new long[] {hour * HOUR + r.nextInt((int) HOUR),
                            r.nextDouble() < s.negativeShare().applyAsDouble(hour) ? 1 : 0});
                }
            }
            for (int i = 0; i < stormSize; i++) {
                events.add(new long[] {stormStart + (long) (i * (HOUR / (double) stormSize)), 2});
            }
            events.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] e : events) {
                boolean negative = e[1] > 0;
                h.record(e[0], negative, SETTINGS.spikeWindow().toMillis());
                if (e[1] == 2) {
                    stormMentions++;
                }
                if (!negative) {
                    continue;
                }
                var fired = rule.evaluate(h, SETTINGS);
                if (fired.isEmpty()) {
                    continue;
                }
                boolean inStorm = e[0] >= stormStart && e[0] <= stormEnd + SETTINGS.spikeWindow().toMillis();
                if (inStorm) {
                    if (!stormSeen) {
                        stormSeen = true;
                        toDetect += stormMentions;
                    }
                } else if (e[0] - lastAlert > FOLD_MS) {
                    falseAlerts++;
                }
                lastAlert = e[0];
            }
            if (stormSeen) {
                detected++;
            } else {
                missed++;
            }
        }
        double months = RUNS * DAYS / 30.0;
        return new Outcome(falseAlerts / months, missed / (double) RUNS, detected == 0 ? 0 : toDetect / (double) detected);
    }

    static int poisson(Random r, double lambda) {
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
