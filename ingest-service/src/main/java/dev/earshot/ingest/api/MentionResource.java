package dev.earshot.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.events.Ids;
import dev.earshot.events.Mention;
import dev.earshot.events.Rating;
import dev.earshot.ingest.extract.FoundItem;
import dev.earshot.ingest.extract.TextLimits;
import dev.earshot.ingest.mention.MentionFactory;
import dev.earshot.ingest.publish.MentionPublisher;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.CatalogStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Accepts mentions pushed by other systems (ticketing, social tools): a JSON array, each item
 * checked on its own and answered with its mention ids or a precise error, so one bad item does
 * not cost the batch. Items go through the same brand matching and "never twice" as polled ones.
 */
@Path("/api/mentions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MentionResource {

    /** Items in one request; a larger batch is refused whole, so the caller splits it. */
    public static final int MAX_BATCH = 500;

    private final CatalogStore catalog;
    private final MentionFactory mentions;
    private final MentionPublisher publisher;
    private final Clock clock;

    public MentionResource(CatalogStore catalog, MentionFactory mentions, MentionPublisher publisher, Clock clock) {
        this.catalog = catalog;
        this.mentions = mentions;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The answer for one item.
     *
     * @param status {@code published}, {@code already-published}, {@code no-brand} (about none of the
     *               watched brands), {@code invalid} or {@code refused} (Kafka will not take it; not retried)
     * @param ids    the mention id per brand it is about
     */
    public record ItemResult(int index, String status, List<String> brands, List<String> ids, String error) {
    }

    public record BatchResult(int accepted, int published, List<ItemResult> results) {
    }

    @POST
    public Response push(JsonNode body) {
        if (body == null || !body.isArray()) {
            return Responses.invalid(List.of("the body must be a JSON array of mentions"));
        }
        if (body.size() > MAX_BATCH) {
            return Responses.invalid(List.of("at most " + MAX_BATCH + " mentions per request, got " + body.size()));
        }
        Catalog c = catalog.current();
        Instant now = clock.instant();
        List<ItemResult> results = new ArrayList<>();
        List<List<Mention>> perItem = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode node = body.get(i);
            List<String> problems = new ArrayList<>();
            FoundItem item = item(node, c, problems);
            String sourceId = text(node, "source");
            if (!problems.isEmpty()) {
                results.add(new ItemResult(i, "invalid", List.of(), List.of(), String.join("; ", problems)));
                perItem.add(List.of());
                continue;
            }
            // An item that names its brand is about it, like a source dedicated to one brand.
            List<Mention> made = mentions.of(MentionFactory.pushedBy(sourceId), text(node, "brand"), List.of(item), c,
                    now);
            perItem.add(made);
            results.add(new ItemResult(i, made.isEmpty() ? "no-brand" : "pending",
                    made.stream().map(m -> m.brand().id()).toList(), made.stream().map(Mention::id).toList(),
                    made.isEmpty() ? "the text mentions none of the watched brands" : null));
        }
        List<Mention> all = perItem.stream().flatMap(List::stream).toList();
        Set<Mention> fresh = new HashSet<>(publisher.fresh(all));
        MentionPublisher.Outcome outcome;
        try {
            outcome = publisher.publish(all);
        } catch (RuntimeException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.of("Kafka did not acknowledge the mentions; nothing was recorded, send them again"))
                    .build();
        }
        List<ItemResult> answered = new ArrayList<>();
        for (ItemResult r : results) {
            if (r.status().equals("pending")) {
                List<Mention> mine = perItem.get(r.index());
                String refused = mine.stream().map(outcome.refused()::get).filter(Objects::nonNull).findFirst()
                        .orElse(null);
                boolean anyFresh = mine.stream().anyMatch(fresh::contains);
                r = refused != null ? new ItemResult(r.index(), "refused", r.brands(), r.ids(), "Kafka refused it: " + refused)
                        : new ItemResult(r.index(), anyFresh ? "published" : "already-published", r.brands(), r.ids(), null);
            }
            answered.add(r);
        }
        int accepted = (int) answered.stream().filter(r -> !r.status().equals("invalid")).count();
        return Response.ok(new BatchResult(accepted, outcome.published(), answered)).build();
    }

    private static FoundItem item(JsonNode node, Catalog c, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add("each mention must be a JSON object");
            return null;
        }
        String source = text(node, "source");
        if (!Ids.isCatalogId(source)) {
            problems.add("source must name the system that sent it (1-64 letters, digits, '.', '_' or '-')");
        }
        String text = text(node, "text");
        if (text == null || text.isBlank()) {
            problems.add("text is missing");
        } else if (text.length() > TextLimits.TEXT) {
            problems.add("text is longer than " + TextLimits.TEXT + " characters");
        }
        String title = text(node, "title");
        if (title != null && title.length() > TextLimits.TITLE) {
            problems.add("title is longer than " + TextLimits.TITLE + " characters");
        }
        String author = text(node, "author");
        if (author != null && author.length() > TextLimits.AUTHOR) {
            problems.add("author is longer than " + TextLimits.AUTHOR + " characters");
        }
        String brand = text(node, "brand");
        if (brand != null && c.brand(brand).isEmpty()) {
            problems.add("brand '" + brand + "' is not watched");
        }
        String url = text(node, "url");
        if (url != null) {
            try {
                URI u = URI.create(url);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    problems.add("url must be an http(s) link");
                }
            } catch (IllegalArgumentException e) {
                problems.add("url is not a URL");
            }
        }
        Instant publishedAt = null;
        String date = text(node, "publishedAt");
        if (date != null) {
            try {
                publishedAt = Instant.parse(date);
            } catch (DateTimeParseException e) {
                problems.add("publishedAt must be an ISO-8601 instant such as 2026-11-22T09:14:00Z");
            }
        }
        Rating rating = null;
        JsonNode r = node.get("rating");
        if (r != null && !r.isNull()) {
            if (!r.isObject() || !r.path("value").isNumber() || !r.path("best").isNumber()) {
                problems.add("rating must be {\"value\": number, \"best\": number}");
            } else if (r.get("best").asDouble() <= 0 || r.get("value").asDouble() < 0
                    || r.get("value").asDouble() > r.get("best").asDouble()) {
                problems.add("rating value must be between 0 and best, and best above 0");
            } else {
                rating = new Rating(r.get("value").asDouble(), r.get("best").asDouble());
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new FoundItem(text(node, "id"), url, title, text.strip(), author, rating, publishedAt);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
