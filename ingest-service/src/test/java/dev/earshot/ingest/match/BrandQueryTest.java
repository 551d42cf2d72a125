package dev.earshot.ingest.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A brand whose plain name is ambiguous ("Apple", "Northwind") is watched with a boolean query. */
class BrandQueryTest {

    private final BrandRule northwind = new BrandRule("northwind", List.of(), List.of("Northwind Traders"),
            "\"Northwind Coffee\" OR (Northwind AND (latte OR barista OR espresso)) NOT \"Northwind Airport\"");
    private final BrandMatcher matcher = new BrandMatcher(List.of(northwind));

    @Test
    void quotedPhraseMatchesAsAWhole() {
        List<BrandMatch> m = matcher.match("Worst service at NORTHWIND COFFEE today");
        assertEquals(1, m.size());
        assertEquals(List.of("northwind coffee"), m.get(0).matchedTerms());
    }

    @Test
    void andNeedsBothSidesAndReportsEveryTermThatCounted() {
        assertTrue(matcher.match("Northwind is a nice town").isEmpty(), "the name alone is too ambiguous");
        List<BrandMatch> m = matcher.match("The barista at Northwind burnt my latte");
        assertEquals(List.of("northwind", "latte", "barista"), m.get(0).matchedTerms());
    }

    @Test
    void notExcludesAndExcludeTermsStillApply() {
        assertTrue(matcher.match("Northwind Airport espresso bar was closed").isEmpty());
        assertTrue(matcher.match("Northwind Coffee van from Northwind Traders").isEmpty());
    }

    @Test
    void accentsAndCaseAreIgnoredInQueriesToo() {
        BrandRule cafe = new BrandRule("noir", List.of(), List.of(), "\"café noir\" -x OR noir");
        assertEquals(1, new BrandMatcher(List.of(cafe)).match("CAFE NOIR").size());
    }

    @Test
    void malformedQueriesAreRefusedWithTheReason() {
        assertEquals("a '(' is not closed", assertThrows(IllegalArgumentException.class,
                () -> BrandQuery.parse("(a OR b")).getMessage());
        assertEquals("a quoted phrase is not closed", assertThrows(IllegalArgumentException.class,
                () -> BrandQuery.parse("\"a b")).getMessage());
        assertEquals("'OR' where a term was expected", assertThrows(IllegalArgumentException.class,
                () -> BrandQuery.parse("a AND OR b")).getMessage());
    }

    @Test
    void deeplyNestedOrOverlongQueriesAreRefusedWithTheLimitNotAStackOverflow() {
        String tenThousand = "(".repeat(10_000) + "acme" + ")".repeat(10_000);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandQuery.parse(tenThousand)).getMessage()
                .contains("longer than " + BrandQuery.MAX_LENGTH + " characters"));
        String parens = "(".repeat(100) + "acme" + ")".repeat(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrandQuery.parse(parens));
        assertTrue(e.getMessage().contains("nested more than " + BrandQuery.MAX_DEPTH + " deep"), e.getMessage());
        String nots = "NOT ".repeat(300) + "acme";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandQuery.parse(nots)).getMessage()
                .contains("nested more than"));
        String words = "acme OR ".repeat(1_000) + "acme";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BrandQuery.parse(words)).getMessage()
                .contains("longer than " + BrandQuery.MAX_LENGTH + " characters"));
        String fine = "(".repeat(BrandQuery.MAX_DEPTH) + "acme" + ")".repeat(BrandQuery.MAX_DEPTH);
        assertEquals(1, new BrandMatcher(List.of(new BrandRule("acme", List.of(), List.of(), fine)))
                .match("acme phones").size(), "nesting up to the limit still works");
    }
}
