package dev.earshot.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.events.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds reviews in schema.org markup, so a review page works without any selectors: JSON-LD
 * ({@code Review} objects anywhere, also inside a {@code Product}'s {@code review} or an
 * {@code @graph}) and microdata ({@code itemtype=".../Review"}). An {@code AggregateRating}
 * is not a mention, but its {@code bestRating} is the scale of the reviews next to it.
 */
final class SchemaOrgReviews {

    private static final ObjectMapper JSON = new ObjectMapper();

    List<FoundItem> fromJsonLd(Document doc, String pageUrl) {
        List<FoundItem> items = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (Exception e) {
                continue; // one broken block must not hide the others
            }
            collect(root, null, pageUrl, items);
        }
        return items;
    }

    private void collect(JsonNode node, Double scaleFromAggregate, String pageUrl, List<FoundItem> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, scaleFromAggregate, pageUrl, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Double scale = scaleFromAggregate;
        JsonNode aggregate = node.get("aggregateRating");
        if (aggregate != null && aggregate.hasNonNull("bestRating")) {
            scale = Ratings.number(aggregate.get("bestRating").asText());
        }
        if (isType(node, "Review")) {
            out.add(review(node, scale, pageUrl));
            return;
        }
        for (JsonNode child : node) {
            collect(child, scale, pageUrl, out);
        }
    }

    private static boolean isType(JsonNode node, String type) {
        JsonNode t = node.get("@type");
        if (t == null) {
            return false;
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (x.asText().endsWith(type)) {
                    return true;
                }
            }
            return false;
        }
        return t.asText().equals(type) || t.asText().endsWith("/" + type);
    }

    private static FoundItem review(JsonNode r, Double scale, String pageUrl) {
        String body = text(r, "reviewBody");
        if (body == null) {
            body = text(r, "description");
        }
        JsonNode rating = r.get("reviewRating");
        Rating stars = null;
        if (rating != null && rating.isObject()) {
            Double best = rating.hasNonNull("bestRating") ? Ratings.number(rating.get("bestRating").asText()) : scale;
            stars = Ratings.of(rating.hasNonNull("ratingValue") ? Ratings.number(rating.get("ratingValue").asText()) : null,
                    best);
        }
        JsonNode author = r.get("author");
        String authorName = null;
        if (author != null) {
            JsonNode first = author.isArray() && author.size() > 0 ? author.get(0) : author;
            authorName = first.isObject() ? text(first, "name") : Texts.blankToNull(first.asText());
        }
        String url = text(r, "url");
        String id = text(r, "@id");
        return new FoundItem(id == null ? null : "@id:" + Texts.absolute(pageUrl, id), Texts.absolute(pageUrl, url),
                Texts.plainText(text(r, "name") != null ? text(r, "name") : text(r, "headline")), Texts.plainText(body), authorName, stars,
                Dates.parse(text(r, "datePublished")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : Texts.blankToNull(v.asText());
    }

    List<FoundItem> fromMicrodata(Document doc, String pageUrl) {
        Double pageScale = null;
        for (Element agg : doc.select("[itemtype~=(?i)schema.org/AggregateRating]")) {
            Element best = agg.selectFirst("[itemprop=bestRating]");
            if (best != null) {
                pageScale = Ratings.number(prop(best));
            }
        }
        List<FoundItem> items = new ArrayList<>();
        for (Element review : doc.select("[itemtype~=(?i)schema.org/Review$]")) {
            Element body = own(review, "reviewBody");
            if (body == null) {
                body = own(review, "description");
            }
            Element ratingEl = review.selectFirst("[itemprop=reviewRating]");
            Rating stars = null;
            if (ratingEl != null) {
                Element value = ratingEl.selectFirst("[itemprop=ratingValue]");
                Element best = ratingEl.selectFirst("[itemprop=bestRating]");
                stars = Ratings.of(value == null ? null : Ratings.number(prop(value)),
                        best == null ? pageScale : Ratings.number(prop(best)));
            }
            Element author = own(review, "author");
            String authorName = null;
            if (author != null) {
                Element name = author.selectFirst("[itemprop=name]");
                authorName = Texts.blankToNull(name != null ? prop(name) : author.text());
            }
            Element date = own(review, "datePublished");
            Element url = own(review, "url");
            Element name = own(review, "name");
            String htmlId = Texts.blankToNull(review.id());
            items.add(new FoundItem(htmlId == null ? null : "html-id:" + htmlId,
                    url == null ? null : Texts.absolute(pageUrl, prop(url)),
                    name == null ? null : Texts.blankToNull(prop(name)),
                    body == null ? null : Texts.blankToNull(prop(body)), authorName, stars,
                    date == null ? null : Dates.parse(prop(date))));
        }
        return items;
    }

    /** The element carrying {@code itemprop} for this review itself, not for an item nested in it. */
    private static Element own(Element review, String itemprop) {
        for (Element el : review.select("[itemprop=" + itemprop + "]")) {
            Element scope = el.parent();
            while (scope != null && scope != review && !scope.hasAttr("itemscope")) {
                scope = scope.parent();
            }
            if (scope == review) {
                return el;
            }
        }
        return null;
    }

    /** A microdata property's value: {@code content}, {@code datetime}, {@code href} or the text. */
    private static String prop(Element el) {
        for (String attr : new String[] {"content", "datetime", "href", "value"}) {
            if (el.hasAttr(attr)) {
                return attr.equals("href") ? el.absUrl("href") : el.attr(attr);
            }
        }
        String tag = el.tagName().toLowerCase(Locale.ROOT);
        return tag.equals("meta") ? "" : el.text();
    }
}
