package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Complaints that carry no feeling word are still caught, flagged and explained. */
class ComplaintLayerTest {

    static final SentimentScorer SCORER = SentimentScorer.withDefaults();
    static final SentimentScorer VADER = new SentimentScorer(Lexicon.vader(), AspectTaxonomy.defaults(), SentimentScorer.Mode.VADER);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Still waiting for my refund.                         | Still waiting for my refund
            I was charged twice for one order.                   | charged twice
            Nobody called back.                                  | Nobody called back
            The lamp arrived broken.                             | arrived broken
            Never again.                                         | Never again
            The battery runs down in an hour.                    | battery runs down in an hour
            The parcel never arrived.                            | never arrived
            The kettle stopped working after a month.            | stopped working after a month
            Been on hold for 40 minutes.                         | on hold for
            They promised a callback but nobody rang.            | promised a callback but
            I want my money back.                                | want my money back
            The food made me sick.                               | made me sick
            """)
    void complaintWithoutFeelingWordsIsNegativeAndFlagged(String text, String term) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(Label.NEGATIVE, s.label(), text);
        assertTrue(s.complaint(), text);
        assertEquals(Intent.COMPLAINT, s.intent(), text);
        assertTrue(s.explanation().stream().anyMatch(c -> c.rule().equals("complaint-phrase") && c.term().equals(term)),
                () -> text + " explained by " + s.explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Still waiting for my refund.", "Nobody called back.", "The battery runs down in an hour.",
        "The parcel never arrived."})
    void plainVaderMissesTheseEntirely(String text) {
        assertEquals(Label.UNKNOWN, VADER.score(text, null).label(), "why the complaint layer exists: " + text);
    }

    @Test
    void complaintPhraseReplacesTheLexiconValenceOfItsWords() {
        Sentiment s = SCORER.score("The vase arrived broken.", null);
        assertEquals(1, s.explanation().size(), "'broken' is not counted twice: " + s.explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "No hidden fees, which was refreshing.",
        "I have never been overcharged here.",
        "If it arrives broken they replace it for free.",
        "Hopefully it doesn't stop working like the last one."})
    void negatedOrHypotheticalComplaintsDoNotCount(String text) {
        Sentiment s = SCORER.score(text, null);
        assertTrue(s.explanation().stream().noneMatch(c -> c.rule().equals("complaint-phrase")), () -> text + " " + s.explanation());
    }

    @Test
    void aComplaintOutweighedByPraiseIsNotAComplaint() {
        Sentiment s = SCORER.score("The first box was late, but they sent a replacement the next day and it is absolutely brilliant.", null);
        assertEquals(Label.POSITIVE, s.label());
        assertFalse(s.complaint());
    }

    @Test
    void aNegativeTextIsAComplaintEvenWithoutAPhrase() {
        Sentiment s = SCORER.score("The staff were rude and the room was dirty.", null);
        assertTrue(s.complaint());
        assertEquals(Intent.COMPLAINT, s.intent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Great, another late delivery.                        | Great
            Love how they charged me twice.                      | Love
            Thanks for losing my parcel, it was never delivered.  | Thanks
            Oh great, the app crashed again.                     | Oh great
            """)
    void sarcasmTurnsPraiseWordsAgainstThemselves(String text, String term) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(Label.NEGATIVE, s.label(), () -> text + " " + s.explanation());
        assertTrue(s.explanation().stream().anyMatch(c -> c.term().equals(term) && c.weight() < 0),
                () -> text + " " + s.explanation());
    }

    @Test
    void genuinePraiseIsNotReadAsSarcasm() {
        assertEquals(Label.POSITIVE, SCORER.score("Great, thanks for sorting that out so quickly!", null).label());
        assertEquals(Label.POSITIVE, SCORER.score("Love how easy the new app is.", null).label());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The engineer fixed the leak on the first visit.",
        "They replaced it within two days, no questions asked.",
        "We will definitely be back.",
        "The staff went above and beyond."})
    void praisePhrasesScoreGoodOutcomes(String text) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(Label.POSITIVE, s.label(), () -> text + " " + s.explanation());
        assertEquals(Intent.PRAISE, s.intent());
        assertFalse(s.complaint());
    }

    @Test
    void aComplaintAsAQuestionIsStillAComplaint() {
        Sentiment s = SCORER.score("Why has nobody answered my email from two weeks ago?", null);
        assertEquals(Intent.COMPLAINT, s.intent());
        Sentiment question = SCORER.score("Do you deliver to Northern Ireland?", null);
        assertEquals(Intent.QUESTION, question.intent());
        assertFalse(question.complaint());
    }

    @Test
    void everyComplaintRuleCompiles() {
        Contribution c = SCORER.score("Charged twice.", null).explanation().get(0);
        assertEquals("complaint-phrase", c.rule());
        assertTrue(SCORER.toString().contains("phrases="), SCORER.toString());
    }
}
