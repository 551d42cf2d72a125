package dev.earshot.ingest.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.earshot.events.CatalogSource;
import dev.earshot.events.Rating;
import dev.earshot.ingest.source.JsonPaths;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the items of a JSON document (an API answer, an App Store reviews feed …) with a source's {@code json} mapping. Hostile
 * documents end in a clear error or a bounded result: nesting deeper than {@value #MAX_DEPTH} levels is refused by
 * the parser before any tree is built, at most {@value #MAX_ITEMS} items are read per page, and a page served as HTML
 * is refused with its content type (the body cap and the timeouts are the fetcher's).
 */
public final class JsonExtractor {

    /** Levels of nesting a document may have; real APIs stay under 20. */
    public static final int MAX_DEPTH = 64;
    /** Items read from one page; the rest of a huge array is ignored. */
    public static final int MAX_ITEMS = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());
    private static final Configuration PATHS = Configuration.builder().jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .options(Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL).build();

    /** What one page gave: its items and the next page's URL from {@code next}, or null. */
    public record Page(List<FoundItem> items, String nextPage) {
    }

    /**
     * @param contentType the HTTP Content-Type; HTML is refused, anything else is tried as JSON
     * @param pageUrl     where the page was read, for relative links
     */
    public Page extract(byte[] body, String contentType, String pageUrl, CatalogSource.Json m) throws FeedParseException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            throw new FeedParseException("expected JSON, got " + contentType.strip()
                    + " (a login or error page? an API that needs a key?)");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new FeedParseException("the JSON is nested deeper than " + MAX_DEPTH + " levels", e);
        } catch (IOException e) {
            throw new FeedParseException("not readable JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (doc == null || doc.isMissingNode()) {
            throw new FeedParseException("not readable JSON: the body is empty");
        }
        Object found;
        try {
            found = JsonPath.using(PATHS).parse(doc).read(m.items());
        } catch (RuntimeException e) { // the catalog checks the paths; one saved before that reads here
            throw new FeedParseException("json.items: " + e.getMessage(), e);
        }
        List<FoundItem> items = new ArrayList<>();
        if (found instanceof JsonNode array && array.isArray()) {
            for (int i = 0; i < array.size() && items.size() < MAX_ITEMS; i++) {
                JsonNode item = array.get(i);
                if (item.isObject()) {
                    items.add(item(item, m, pageUrl));
                }
            }
        } else if (found instanceof JsonNode single && single.isObject()) {
            items.add(item(single, m, pageUrl));
        }
        String next = m.next() == null ? null : Texts.absolute(pageUrl, scalar(doc, m.next()));
        return new Page(items, next);
    }

    private static FoundItem item(JsonNode item, CatalogSource.Json m, String pageUrl) {
        String text = Texts.plainText(scalar(item, m.text())); // APIs such as Mastodon's give HTML
        Rating rating = null;
        String value = scalar(item, m.rating());
        if (value != null) {
            Double best = m.ratingBest() == null ? null
                    : Ratings.number(m.ratingBest()) != null ? Ratings.number(m.ratingBest())
                            : Ratings.number(scalar(item, m.ratingBest()));
            rating = Ratings.parse(value, best);
        }
        return new FoundItem(Texts.blankToNull(scalar(item, m.id())), Links.web(Texts.absolute(pageUrl, scalar(item, m.link()))),
                Texts.plainText(scalar(item, m.title())), text == null ? "" : text, Texts.blankToNull(scalar(item, m.author())),
                rating, date(scalar(item, m.date())));
    }

    /** The first scalar the path finds, as text; {@code a | b}: b's when a finds none. Null when none finds one. */
    private static String scalar(JsonNode root, String paths) {
        if (paths == null) {
            return null;
        }
        for (String path : JsonPaths.FALLBACK.split(paths)) {
            String v = first(root, path.strip());
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String first(JsonNode root, String path) {
        Object v = JsonPath.using(PATHS).parse(root).read(path);
        JsonNode node = v instanceof JsonNode n ? n : null;
        while (node != null && node.isArray()) {
            node = node.isEmpty() ? null : node.get(0);
        }
        if (node == null || node.isNull() || node.isContainerNode()) {
            return v instanceof String s ? s : v instanceof Number || v instanceof Boolean ? String.valueOf(v) : null;
        }
        return node.asText();
    }

    /** ISO and the loose forms {@link Dates} knows, or epoch seconds / milliseconds as APIs give them. */
    static Instant date(String s) {
        if (s == null) {
            return null;
        }
        if (s.matches("\\d{9,13}")) {
            long n = Long.parseLong(s);
            return n >= 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        return Dates.parse(s);
    }
}
