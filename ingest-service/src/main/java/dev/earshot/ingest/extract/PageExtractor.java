package dev.earshot.ingest.extract;

import dev.earshot.events.Rating;
import dev.earshot.ingest.source.CatalogValidator;
import dev.earshot.ingest.source.Selectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads reviews from an HTML page: with the source's CSS selectors when it has them, otherwise
 * from the schema.org Review markup (JSON-LD, then microdata) that most large review sites publish.
 */
public final class PageExtractor {

    private final SchemaOrgReviews schemaOrg = new SchemaOrgReviews();

    public ExtractedPage extract(byte[] body, String contentType, String pageUrl, Selectors selectors)
            throws FeedParseException {
        Document doc = parse(body, contentType, pageUrl);
        if (selectors != null) {
            List<FoundItem> items = new ArrayList<>();
            for (Element block : doc.select(CatalogValidator.cssPart(selectors.review()))) {
                FoundItem item = item(block, selectors);
                if (item.text() != null && !item.text().isBlank() || item.title() != null) {
                    items.add(item);
                }
            }
            return new ExtractedPage(items, next(doc, selectors), "selectors");
        }
        List<FoundItem> jsonLd = schemaOrg.fromJsonLd(doc, pageUrl);
        if (!jsonLd.isEmpty()) {
            return new ExtractedPage(jsonLd, null, "json-ld");
        }
        List<FoundItem> microdata = schemaOrg.fromMicrodata(doc, pageUrl);
        return new ExtractedPage(microdata, null, microdata.isEmpty() ? "none" : "microdata");
    }

    static Document parse(byte[] body, String contentType, String pageUrl) throws FeedParseException {
        Charset declared = Charsets.fromContentType(contentType).orElse(null);
        try {
            if (declared != null) {
                return Jsoup.parse(Charsets.decode(body, declared), pageUrl == null ? "" : pageUrl);
            }
            // No header charset: Jsoup reads the BOM and <meta charset>; correct it if the bytes disagree.
            Document sniffed = Jsoup.parse(new ByteArrayInputStream(body), null, pageUrl == null ? "" : pageUrl);
            Charset meta = sniffed.charset();
            Charset corrected = Charsets.corrected(body, meta);
            return corrected.equals(meta) ? sniffed
                    : Jsoup.parse(Charsets.decode(body, corrected), pageUrl == null ? "" : pageUrl);
        } catch (IOException | RuntimeException e) {
            throw new FeedParseException("not a readable HTML page: " + e.getMessage(), e);
        }
    }

    private static FoundItem item(Element block, Selectors s) {
        String link = value(block, s.link(), "abs:href");
        String text = value(block, s.text(), null);
        if (s.text() == null) {
            text = block.text();
        }
        Rating rating = s.rating() == null ? null : Ratings.parse(value(block, s.rating(), null), s.ratingBest());
        Instant date = s.date() == null ? null : Dates.parse(value(block, s.date(), "datetime"));
        String guid = Texts.blankToNull(block.id());
        // A block's HTML id names the review wherever pagination moves it, unlike the page's address.
        return new FoundItem(guid == null ? null : "html-id:" + guid,
                link, Texts.blankToNull(value(block, s.title(), null)), Texts.blankToNull(text),
                Texts.blankToNull(value(block, s.author(), null)), rating, date);
    }

    /**
     * The value a selector points at inside the block: its {@code @attr} when given, otherwise the
     * {@code preferredAttr} when the element has it, otherwise its text.
     */
    private static String value(Element block, String selector, String preferredAttr) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        String css = CatalogValidator.cssPart(selector);
        String attr = css.length() < selector.length() ? selector.substring(css.length() + 1) : null;
        Element el = css.isBlank() ? block : block.selectFirst(css);
        if (el == null) {
            return null;
        }
        if (attr != null) {
            return attr.equals("href") || attr.equals("src") ? el.absUrl(attr) : el.attr(attr);
        }
        if (preferredAttr != null) {
            String bare = preferredAttr.startsWith("abs:") ? preferredAttr.substring(4) : preferredAttr;
            if (el.hasAttr(bare)) {
                return el.attr(preferredAttr);
            }
        }
        return el.text();
    }

    private static String next(Document doc, Selectors s) {
        if (s.next() == null || s.next().isBlank()) {
            return null;
        }
        Element el = doc.selectFirst(CatalogValidator.cssPart(s.next()));
        if (el == null) {
            return null;
        }
        String href = el.absUrl("href");
        return href.isBlank() ? null : href;
    }
}
