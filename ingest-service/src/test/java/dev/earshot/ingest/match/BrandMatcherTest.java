package dev.earshot.ingest.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrandMatcherTest {

    private final BrandRule cafe = new BrandRule("noir", List.of("Café Noir", "CafeNoir"), List.of("Noir Records"));
    private final BrandRule acme = new BrandRule("acme", List.of("Acme"), List.of());
    private final BrandMatcher matcher = new BrandMatcher(List.of(cafe, acme));

    @Test
    void matchesWholeWordsIgnoringCaseAndAccents() {
        List<BrandMatch> found = matcher.match("Worst service ever at CAFE NOIR tonight");
        assertEquals(1, found.size());
        assertEquals("noir", found.get(0).brandId());
        assertEquals(List.of("cafe noir"), found.get(0).matchedTerms());
    }

    @Test
    void doesNotMatchInsideAnotherWord() {
        assertTrue(matcher.match("Acmeville council meeting").isEmpty());
        assertEquals(1, matcher.match("Bought it from acme. Broken.").size());
    }

    @Test
    void toleratesHyphensAndExtraSpacesBetweenWordsOfATerm() {
        assertEquals(1, matcher.match("café-noir again").size());
        assertEquals(1, matcher.match("café   noir again").size());
    }

    @Test
    void excludedTermMeansTheTextIsAboutSomethingElse() {
        assertTrue(matcher.match("New vinyl at Noir Records, next to Café Noir").stream()
                .noneMatch(m -> m.brandId().equals("noir")));
    }

    @Test
    void oneTextCanMentionTwoBrands() {
        assertEquals(2, matcher.match("Acme beans served at Café Noir").size());
    }
}
