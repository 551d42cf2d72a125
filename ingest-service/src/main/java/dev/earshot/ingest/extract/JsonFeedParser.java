package dev.earshot.ingest.extract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads JSON Feed 1.0 and 1.1 (jsonfeed.org): {@code items[]} with {@code id}, {@code url}, {@code title},
 * {@code content_text} or {@code content_html} (else {@code summary}), {@code date_published} (else
 * {@code date_modified}) and the author ({@code authors[0].name} in 1.1, {@code author.name} in 1.0, the feed's
 * own as a fallback). Told from an XML feed by its content type or its {@code version} URL, so a feed source
 * needs no other setting.
 */
public final class JsonFeedParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    /** A JSON Feed by its content type, or a JSON object whose first bytes name a jsonfeed.org version. */
    public static boolean isJsonFeed(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("application/feed+json")) {
            return true;
        }
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 BOM
        }
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        if (i >= body.length || body[i] != '{') {
            return false;
        }
        String head = new String(body, i, Math.min(body.length - i, 4096), StandardCharsets.UTF_8);
        return head.contains("jsonfeed.org/version/") || type.contains("json") && head.contains("\"items\"");
    }

    public List<FoundItem> parse(byte[] body, String feedUrl) throws FeedParseException {
        JsonNode feed;
        try {
            feed = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FeedParseException("not a readable JSON Feed: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new FeedParseException("not a readable JSON Feed: " + e.getMessage(), e);
        }
        if (feed == null || !feed.isObject()) {
            throw new FeedParseException("not a JSON Feed: the document is not a JSON object", null);
        }
        String version = text(feed, "version");
        if (version != null && !version.startsWith(VERSION_PREFIX)) {
            throw new FeedParseException("not a JSON Feed: version is '" + version + "'", null);
        }
        JsonNode entries = feed.get("items");
        if (entries == null || !entries.isArray()) {
            throw new FeedParseException("not a JSON Feed: no items array", null);
        }
        String feedAuthor = author(feed);
        String base = text(feed, "home_page_url") != null && feedUrl == null ? text(feed, "home_page_url") : feedUrl;
        List<FoundItem> items = new ArrayList<>();
        for (JsonNode item : entries) {
            if (!item.isObject()) {
                continue;
            }
            String text = text(item, "content_text");
            if (text == null) {
                text = Texts.plainText(text(item, "content_html"));
            }
            if (text == null) {
                text = Texts.plainText(text(item, "summary"));
            }
            String author = author(item);
            String date = text(item, "date_published") != null ? text(item, "date_published") : text(item, "date_modified");
            items.add(new FoundItem(text(item, "id"), Texts.absolute(base, text(item, "url") != null ? text(item, "url")
                    : text(item, "external_url")), Texts.plainText(text(item, "title")), text == null ? "" : text.strip(),
                    author != null ? author : feedAuthor, null, Dates.parse(date)));
        }
        return items;
    }

    private static String author(JsonNode node) {
        JsonNode authors = node.get("authors");
        if (authors != null && authors.isArray()) {
            for (JsonNode a : authors) {
                String name = text(a, "name");
                if (name != null) {
                    return name;
                }
            }
        }
        JsonNode author = node.get("author");
        return author == null ? null : text(author, "name");
    }

    /** A string or number field, stripped; null when missing, blank or not a scalar. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : Texts.blankToNull(v.asText());
    }
}
