package dev.earshot.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a token holder or the catalog file could make Earshot run on every poll is bounded before it is saved. */
class CatalogValidatorTest {

    private static Source page(String review) {
        return new Source("towntaste", Source.Kind.page, "https://towntaste.example/reviews", null,
                new Selectors(review, null, ".review-body", null, null, null, null, null, null), null);
    }

    @Test
    void regexSelectorsAreRefusedBecauseTheyRunUnboundedOnEveryPoll() {
        for (String css : List.of("article:matches((a+)+$)", "div.review:matchesOwn(^(x|xx)+$)",
                "p:matchesWholeText((.*)*)", "p:MATCHESWHOLEOWNTEXT(a)", "div[data-id~=(a|aa)+b]", "article:has(p:matches(x))")) {
            List<String> problems = CatalogValidator.problems(page(css));
            assertEquals(1, problems.size(), css + ": " + problems);
            assertTrue(problems.get(0).contains("regular expression"), problems.get(0));
            assertTrue(problems.get(0).contains(css), "names the selector: " + problems.get(0));
        }
        for (String css : List.of("article.review", "div:contains(Northwind)", "article:has(.stars)", "time@datetime",
                "[data-rating]", "div[class=review]", "a[href*=review]")) {
            assertEquals(List.of(), CatalogValidator.problems(page(css)), css);
        }
    }

    @Test
    void theFileLoaderRefusesADeeplyNestedQueryWithAClearErrorNotAStackOverflow() throws Exception {
        Path file = Files.createTempFile("earshot-deep-", ".yaml");
        Files.writeString(file, """
                brands:
                  - id: acme
                    query: '%s'
                """.formatted("(".repeat(10_000) + "acme" + ")".repeat(10_000)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatalogLoader.load(file));
        assertTrue(e.getMessage().contains("brands[0].query: must be at most 2"), e.getMessage());
    }
}
