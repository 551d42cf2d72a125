package dev.earshot.alert.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpikeRuleTest {

    static final long HOUR = 3_600_000L;
    final DetectionSettings settings = DetectionSettings.defaults();

    @Test
    void poissonAndBinomialTailsMatchKnownValues() {
        assertEquals(1 - Math.exp(-2) * (1 + 2 + 2), SpikeRule.poissonUpperTail(3, 2.0), 1e-12);
        assertEquals(1.0, SpikeRule.poissonUpperTail(0, 5), 0);
        assertEquals(0.0, SpikeRule.poissonUpperTail(1, 0), 0);
        assertEquals(0.5 * 0.5 * 0.5 + 3 * 0.125, SpikeRule.binomialUpperTail(2, 3, 0.5), 1e-12);
        assertTrue(SpikeRule.poissonUpperTail(40, 3) < 1e-20, "far tails stay finite and tiny");
        assertEquals(Math.log(3628800), SpikeRule.logFactorial(10), 1e-9);
        assertEquals(SpikeRule.logFactorial(1023) + Math.log(1024), SpikeRule.logFactorial(1024), 1e-6);
    }

    @Test
    void noSpikeDuringWarmUpThenOneWhenTheWindowIsFarAboveTheBaseline() {
        BrandHistory h = new BrandHistory();
        long t = 0;
        for (int hour = 0; hour < 10; hour++) {
            h.record(hour * HOUR, false, HOUR);
        }
        t = 10 * HOUR;
        for (int i = 0; i < 5; i++) {
            h.record(t + i * 60_000L, true, HOUR);
        }
        assertTrue(new SpikeRule().evaluate(h, settings).isEmpty(), "10 h of history is still the warm-up");

        BrandHistory week = new BrandHistory();
        for (int hour = 0; hour < 7 * 24; hour++) {
            week.record(hour * HOUR + 1000, hour % 24 == 3, HOUR); // one negative a day
        }
        long now = 7 * 24 * HOUR + 10 * 60_000L;
        for (int i = 0; i < 4; i++) {
            week.record(now + i * 60_000L, true, HOUR);
        }
        Detection d = new SpikeRule().evaluate(week, settings).orElseThrow();
        assertEquals(SpikeRule.RULE, d.rule());
        assertEquals(4.0, d.figures().get("count"));
        assertTrue(d.figures().get("expected") < 0.2, d.figures().toString());
    }

    @Test
    void dailyRhythmRaisesTheExpectationAtTheBusyHour() {
        BrandHistory h = new BrandHistory();
        for (int day = 0; day < 14; day++) {
            for (int i = 0; i < 40; i++) {
                h.record((day * 24L + 12) * HOUR + i * 60_000L, i % 4 == 0, HOUR); // busy lunch hour
            }
            h.record((day * 24L + 3) * HOUR, false, HOUR);
        }
        long lunch = (14 * 24L + 12) * HOUR;
        h.record(lunch, false, HOUR);
        SpikeRule.Baseline atLunch = new SpikeRule().baseline(h, settings);
        BrandHistory night = new BrandHistory();
        for (int day = 0; day < 14; day++) {
            for (int i = 0; i < 40; i++) {
                night.record((day * 24L + 12) * HOUR + i * 60_000L, i % 4 == 0, HOUR);
            }
            night.record((day * 24L + 3) * HOUR, false, HOUR);
        }
        night.record((14 * 24L + 3) * HOUR, false, HOUR);
        SpikeRule.Baseline atNight = new SpikeRule().baseline(night, settings);
        assertTrue(atLunch.rhythm() > 3 * atNight.rhythm(), atLunch + " vs " + atNight);
    }
}
