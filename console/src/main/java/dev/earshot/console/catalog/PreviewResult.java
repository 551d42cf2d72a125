package dev.earshot.console.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.console.store.SafeUrl;
import java.util.ArrayList;
import java.util.List;

/**
 * ingest-service's preview of a source, as the page shows it. Every item's fields are text from the source (untrusted:
 * the template escapes them; a link is kept only when it is an absolute http(s) URL).
 */
public record PreviewResult(String method, int pagesRead, int itemCount, int matchingItems, List<Item> items,
        List<String> errors) {

    /** At most this many items are shown: enough to judge the selectors. */
    static final int SHOWN = 50;

    public record Item(String title, String text, String author, String link, String rating, String publishedAt,
            List<String> brands) {
    }

    public static PreviewResult of(JsonNode p) {
        List<Item> items = new ArrayList<>();
        for (JsonNode i : p.path("items")) {
            if (items.size() == SHOWN) {
                break;
            }
            List<String> brands = new ArrayList<>();
            i.path("brands").forEach(b -> brands.add(b.path("id").asText()
                    + (b.path("matchedTerms").isEmpty() ? "" : " (" + String.join(", ", texts(b.path("matchedTerms"))) + ")")));
            JsonNode r = i.path("rating");
            items.add(new Item(text(i, "title"), text(i, "text"), text(i, "author"), SafeUrl.httpOrNull(text(i, "url")),
                    r.hasNonNull("value") ? r.get("value").asText() + " of " + r.path("best").asText("5") : null,
                    text(i, "publishedAt"), brands));
        }
        return new PreviewResult(text(p, "method"), p.path("pagesRead").asInt(), p.path("itemCount").asInt(),
                p.path("matchingItems").asInt(), items, texts(p.path("errors")));
    }

    public boolean readable() {
        return errors.isEmpty() || itemCount > 0;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
