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
    void renderIsForPageSourcesOnlyAndTheRefusalNamesTheKey() {
        assertEquals(List.of(), CatalogValidator.problems(new Source("towntaste", Source.Kind.page,
                "https://towntaste.example/reviews", null, null, null, null, true)));
        for (Source.Kind kind : List.of(Source.Kind.feed, Source.Kind.json)) {
            Source s = new Source("citybites", kind, "https://citybites.example/feed.xml", null, null, null,
                    kind == Source.Kind.json ? new dev.earshot.events.CatalogSource.Json("$.items[*]", "$.text", null, null,
                            null, null, null, null, null, null, null) : null, true);
            List<String> problems = CatalogValidator.problems(s);
            assertEquals(List.of("source 'citybites' render: only a page source is read through the browser, not a "
                    + kind + " source"), problems);
            assertEquals(List.of(), CatalogValidator.problems(new Source(s.id(), kind, s.url(), null, null, null, s.json(), false)),
                    "render: false is the default, allowed anywhere");
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
