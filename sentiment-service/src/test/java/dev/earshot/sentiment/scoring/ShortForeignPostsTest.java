package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.earshot.events.Label;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Short posts at a brand in the product's likely users' languages are recognised as such, so
 * they are counted as unscored instead of being scored as if they were English (one sentence
 * rarely has two of the stop words the guard first relied on).
 */
class ShortForeignPostsTest {

    static final Scorer SCORER = LearnedScorer.withDefaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            @Lufta mein Koffer ist seit drei Tagen weg            | de
            Warum antwortet mir niemand? Schon wieder kein Zug    | de
            Danke für gar nichts @Bahnhof                         | de
            Mon colis n'est toujours pas arrivé                   | fr
            Pourquoi personne ne répond à mes mails ?             | fr
            Encore un retard, merci pour rien                     | fr
            Mi pedido sigue sin llegar, ya van dos semanas        | es
            ¿Por qué nadie contesta el teléfono?                  | es
            Gracias por nada, otra vez tarde                      | es
            Meu pedido ainda não chegou                           | pt
            Até hoje ninguém me respondeu                         | pt
            Obrigado por nada, de novo atrasado                   | pt
            Il mio pacco non è ancora arrivato                    | it
            Perché nessuno risponde alle mail?                    | it
            Grazie di niente, sempre in ritardo                   | it
            Mijn pakket is nog steeds niet aangekomen             | nl
            Waarom reageert niemand op mijn mail?                 | nl
            Bedankt voor niks, weer vertraging                    | nl
            """)
    void aShortPostInAnotherLanguageIsRecognisedAndNotScoredAsEnglish(String text, String language) {
        Sentiment s = SCORER.score(text, null);
        assertEquals(language, s.language(), text);
        assertEquals(Label.UNKNOWN, s.label(), text);
        assertNull(s.probabilities(), text);
    }
}
