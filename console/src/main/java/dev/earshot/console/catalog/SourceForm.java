package dev.earshot.console.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.events.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Sources page's form: a catalog source as text fields, {@code selectors} and {@code json} as JSON objects typed
 * by hand. Turns into the body ingest-service's sources API takes (catalog-source.schema.json); ingest-service checks
 * the rest and answers what is wrong.
 *
 * @param render read the page in a browser first (ingest-service's rendered pages)
 * @param existing the form edits the source with this id (PUT) rather than adding one (POST)
 */
public record SourceForm(String id, String kind, String url, String brand, String maxPages, String selectors,
        String json, boolean render, boolean existing) {

    public static final List<String> KINDS = List.of("feed", "page", "json");

    public static SourceForm empty() {
        return new SourceForm("", "feed", "", "", "", "", "", false, false);
    }

    /** The form for changing a stored catalog record (its JSON as the console read it from {@code catalog}). */
    public static SourceForm of(String recordJson) throws IOException {
        JsonNode r = EventJson.mapper().readTree(recordJson);
        return new SourceForm(r.path("id").asText(""), r.path("kind").asText("feed"), r.path("url").asText(""),
                r.path("brand").asText(""), r.hasNonNull("maxPages") ? r.get("maxPages").asText() : "",
                pretty(r.get("selectors")), pretty(r.get("json")), r.path("render").asBoolean(false), true);
    }

    /** The API body, or the problems that keep it from being one. */
    public Body body() {
        List<String> problems = new ArrayList<>();
        ObjectNode b = EventJson.mapper().createObjectNode();
        if (present(id)) {
            b.put("id", id.strip());
        } else if (existing) {
            problems.add("id: the source's id is missing");
        }
        b.put("kind", present(kind) ? kind.strip() : "feed");
        b.put("url", present(url) ? url.strip() : "");
        if (present(brand)) {
            b.put("brand", brand.strip());
        }
        if (present(maxPages)) {
            try {
                b.put("maxPages", Integer.parseInt(maxPages.strip()));
            } catch (NumberFormatException e) {
                problems.add("maxPages: a whole number (1 to 1000)");
            }
        }
        object("selectors", selectors, problems).ifPresent(o -> b.set("selectors", o));
        object("json", json, problems).ifPresent(o -> b.set("json", o));
        if (render) {
            b.put("render", true);
        }
        return new Body(b, problems);
    }

    /** A body to send, unless {@code problems} says why not. */
    public record Body(ObjectNode json, List<String> problems) {
    }

    private static Optional<JsonNode> object(String name, String text, List<String> problems) {
        if (!present(text)) {
            return Optional.empty();
        }
        try {
            JsonNode n = EventJson.mapper().readTree(text);
            if (n != null && n.isObject()) {
                return Optional.of(n);
            }
        } catch (IOException e) {
            // said below
        }
        problems.add(name + ": a JSON object, e.g. " + (name.equals("json") ? "{\"items\": \"$.reviews[*]\", \"text\": \"$.body\"}"
                : "{\"review\": \"article.review\", \"text\": \".body\"}"));
        return Optional.empty();
    }

    /** The object without its null fields (the record names every field), as a person would type it. */
    private static String pretty(JsonNode n) throws IOException {
        if (n == null || !n.isObject()) {
            return "";
        }
        ObjectNode set = ((ObjectNode) n).deepCopy();
        set.properties().removeIf(e -> e.getValue().isNull());
        return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(set);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
