package dev.earshot.alert.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.events.Alert;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstantRuleTest {

    final InstantRule rule = new InstantRule();
    final DetectionSettings settings = DetectionSettings.defaults();

    ScoredMention m(String text, double score, Label label, Rating rating) {
        return ScoredMentions.of("acme", "Acme", text, score, label, rating, List.of());
    }

    @Test
    void stronglyNegativeIsAnAlertAndVeryNegativeIsHigh() {
        assertEquals(Alert.Severity.MEDIUM,
                rule.evaluate(m("Cold and slow", -0.6, Label.NEGATIVE, new Rating(3, 5)), settings).get().severity());
        assertEquals(Alert.Severity.HIGH,
                rule.evaluate(m("Awful and rude", -0.8, Label.NEGATIVE, new Rating(3, 5)), settings).get().severity());
    }

    @Test
    void lowStarRatingMakesAStrongComplaintHigh() {
        assertEquals(Alert.Severity.HIGH,
                rule.evaluate(m("Cold and slow", -0.6, Label.NEGATIVE, new Rating(1, 5)), settings).get().severity());
    }

    @Test
    void crisisTermsAlertEvenWhenMildWholeWordsOnlyAccentsIgnored() {
        Detection d = rule.evaluate(m("I think I got FOOD   poisoning there", -0.25, Label.NEGATIVE, null), settings)
                .orElseThrow();
        assertEquals(Alert.Severity.HIGH, d.severity());
        assertEquals(InstantRule.CRISIS_RULE, d.rule());
        assertTrue(rule.evaluate(m("Their scampi was bland", -0.25, Label.NEGATIVE, null), settings).isEmpty(),
                "scampi is not scam");
        assertTrue(rule.evaluate(m("Total fraud, they lied", -0.1, Label.NEGATIVE, null), settings).isEmpty(),
                "a crisis word in a barely negative text is not enough");
    }

    @Test
    void mildUnknownAndPositiveMentionsRaiseNothing() {
        assertTrue(rule.evaluate(m("A bit slow today", -0.2, Label.NEGATIVE, null), settings).isEmpty());
        assertTrue(rule.evaluate(m("Qué desastre, fraude", -0.9, Label.UNKNOWN, null), settings).isEmpty());
        assertTrue(rule.evaluate(m("Lawsuit-worthy good coffee, lol", 0.6, Label.POSITIVE, null), settings).isEmpty());
    }
}
