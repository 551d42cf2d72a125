package dev.earshot.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.CatalogSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

    @Test
    void aJsonSourceNeedsItemsAndTextAndPathsThatCompile() {
        Source ok = new Source("hn", Source.Kind.json, "https://hn.algolia.com/api/v1/search_by_date?query=kestrel", null,
                null, 2, new CatalogSource.Json("$.hits[*]", "$.comment_text | $.story_text | $.title", null, "$.author",
                        "$.url | $.story_url", "$.created_at", null, "5", "$.objectID", null, "page"));
        assertEquals(List.of(), CatalogValidator.problems(ok));
        Source none = new Source("x", Source.Kind.json, "https://api.example/x", null, null, null, null);
        assertEquals(List.of("source 'x' json.items is required: the path to the array of items, e.g. $.feed.entry[*] or $.hits"),
                CatalogValidator.problems(none));
        Source bad = new Source("y", Source.Kind.json, "https://api.example/y", null, null, null,
                new CatalogSource.Json("$['unclosed", null, null, null, null, null, null, null, null, null, null));
        List<String> problems = CatalogValidator.problems(bad);
        assertTrue(problems.contains("source 'y' json.text or .title is required: what people wrote"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("source 'y' json.items is not a JSONPath")), problems.toString());
    }
}
