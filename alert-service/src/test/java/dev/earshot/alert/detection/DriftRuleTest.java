package dev.earshot.alert.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Alert;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftRuleTest {

    final DriftRule rule = new DriftRule();
    final DetectionSettings settings = DetectionSettings.defaults();

    @Test
    void steadyNoisySentimentNeverDrifts() {
        SentimentTrend trend = new SentimentTrend();
        Random r = new Random(3);
        int alerts = 0;
        for (int i = 0; i < 20_000; i++) {
            trend.add(Math.max(-1, Math.min(1, 0.4 + 0.35 * r.nextGaussian())), 20, 400);
            alerts += rule.evaluate(trend, settings).isPresent() ? 1 : 0;
        }
        assertEquals(0, alerts);
    }

    @Test
    void aFallOfTheMoodIsOneLowAlertAndAnotherOnlyAfterRecovery() {
        SentimentTrend trend = new SentimentTrend();
        int alerts = 0;
        for (int i = 0; i < 500; i++) {
            trend.add(0.5, 20, 400);
            alerts += rule.evaluate(trend, settings).isPresent() ? 1 : 0;
        }
        Detection first = null;
        for (int i = 0; i < 100; i++) {
            trend.add(0.1, 20, 400);
            var d = rule.evaluate(trend, settings);
            if (d.isPresent() && first == null) {
                first = d.get();
            }
            alerts += d.isPresent() ? 1 : 0;
        }
        assertEquals(1, alerts, "one fall, one alert");
        assertEquals(Alert.Severity.LOW, first.severity());
        assertTrue(first.figures().get("drop") >= 0.3);
        for (int i = 0; i < 300; i++) {
            trend.add(0.5, 20, 400);
            rule.evaluate(trend, settings);
        }
        for (int i = 0; i < 100; i++) {
            trend.add(-0.5, 20, 400);
            alerts += rule.evaluate(trend, settings).isPresent() ? 1 : 0;
        }
        assertEquals(2, alerts, "after recovering, a new fall is told again");
    }

    @Test
    void tooFewMentionsIsNoDrift() {
        SentimentTrend trend = new SentimentTrend();
        for (int i = 0; i < 20; i++) {
            trend.add(0.8, 20, 400);
        }
        for (int i = 0; i < 20; i++) {
            trend.add(-0.8, 20, 400);
        }
        assertTrue(rule.evaluate(trend, settings).isEmpty());
    }
}
