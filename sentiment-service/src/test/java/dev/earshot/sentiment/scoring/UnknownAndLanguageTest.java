package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** No evidence is said out loud (unknown, never a silent neutral), and text not in English is not scored as English. */
class UnknownAndLanguageTest {

    static final SentimentScorer SCORER = SentimentScorer.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "The store opens at 9am on weekdays.", "Order 48213, placed on the 3rd.", "!!!", "@northwind #monday"})
    void noEvidenceIsUnknownWithAnEmptyExplanation(String text) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(Label.UNKNOWN, s.label(), text);
        assertEquals(0, s.score());
        assertEquals(List.of(), s.explanation());
        assertFalse(s.complaint());
    }

    @Test
    void nullTextIsEmptyText() {
        assertEquals(SCORER.score("", null), SCORER.score(null, null));
    }

    @Test
    void aQuestionWithoutFeelingIsStillAQuestion() {
        Sentiment s = SCORER.score("Is the store open on Sunday?", null);
        assertEquals(Label.UNKNOWN, s.label());
        assertEquals(Intent.QUESTION, s.intent());
    }

    @Test
    void weakEvidenceIsNeutralNotUnknown() {
        Sentiment s = SCORER.score("What time does the last train leave?", null);
        assertEquals(Label.NEUTRAL, s.label(), "one faint word is evidence, just not enough to lean either way");
        assertFalse(s.explanation().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            El servicio fue terrible y la comida estaba fría, no vuelvo más.          | es
            Le service était horrible et le personnel très désagréable.             | fr
            Das Essen war nicht gut und der Service war sehr langsam.               | de
            O pedido não chegou e o atendimento foi muito ruim.                     | pt
            Il servizio è stato pessimo e il cibo non era buono.                    | it
            De bezorging was te laat en het pakket was niet compleet.               | nl
            この店のサービスはひどかったです。                                             | ja
            这家店的服务太差了，再也不来了。                                                 | zh
            배송이 너무 늦었어요.                                                        | ko
            Доставка опоздала на неделю.                                            | und
            """)
    void nonEnglishIsDetectedAndNotScored(String text, String language) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(language, s.language(), text);
        assertEquals(Label.UNKNOWN, s.label(), text);
        assertEquals(List.of(), s.explanation(), "not scored as if English");
        assertFalse(s.complaint());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le Creuset pan arrived broken.",
        "The café on La Rambla was lovely.",
        "Ordered the Das Boot box set, it never arrived.",
        "No hidden fees, no surprises."})
    void englishWithForeignNamesStaysEnglish(String text) {
        Sentiment s = SCORER.score(text, null);
        assertEquals("en", s.language(), text);
        assertNotEquals(Label.UNKNOWN, s.label(), text);
    }

    @Test
    void textWithNoWordsToGoOnIsUndeterminedButStillScored() {
        Sentiment s = SCORER.score("Terrible!!!", null);
        assertEquals("en", s.language());
        Sentiment emoji = SCORER.score("😡😡😡", null);
        assertEquals("und", emoji.language());
        assertEquals(Label.NEGATIVE, emoji.label());
    }

    @Test
    void aNonEnglishReviewWithARatingIsLabelledByTheRatingAlone() {
        Sentiment s = SCORER.score("El pedido nunca llegó y nadie contesta el teléfono.", new Rating(1, 5));
        assertEquals("es", s.language());
        assertEquals(Label.NEGATIVE, s.label());
        assertEquals(1, s.explanation().size());
        assertEquals("rating", s.explanation().get(0).rule());
        assertTrue(s.complaint());
    }
}
