package dev.earshot.ingest.extract;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.earshot.events.Rating;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jdom2.Element;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through ROME, and JSON Feed 1.0/1.1 ({@link JsonFeedParser}), and turns
 * each entry into plain text; what feeds commonly get wrong is mended first ({@link ForgivingXml}).
 * DOCTYPEs are refused, which keeps external entities (XXE) and entity-expansion bombs out; the
 * charset comes from the BOM, the HTTP header and the XML declaration, corrected when the bytes
 * prove them wrong; relative links are resolved against {@code xml:base} (ROME) or the feed's address.
 */
public final class FeedParser {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String DC_TERMS = "http://purl.org/dc/terms/";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    /** When an entry was written, most telling first. */
    private static final List<String> DC_TERMS_DATES = List.of("issued", "created", "date", "available", "modified");
    private static final Pattern HARMLESS_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[^\\[>]*>", Pattern.CASE_INSENSITIVE);

    private final JsonFeedParser jsonFeeds = new JsonFeedParser();

    /** Same as {@link #parse(byte[], String, String)} for a feed whose address is unknown. */
    public List<FoundItem> parse(byte[] body, String contentType) throws FeedParseException {
        return parse(body, contentType, null);
    }

    /**
     * @param body        the raw bytes as served
     * @param contentType the HTTP Content-Type, whose charset wins over the XML declaration
     * @param feedUrl     where the feed was read, for relative links
     */
    public List<FoundItem> parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (JsonFeedParser.isJsonFeed(body, contentType)) {
            return jsonFeeds.parse(body, feedUrl);
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.US);
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(true); // HTML entities such as &nbsp; that XML does not know
            String xml = Charsets.decode(body, detectedCharset(body, contentType));
            feed = input.build(new StringReader(ForgivingXml.mend(withoutHarmlessDoctype(xml))));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException("not a readable RSS or Atom feed: " + rootMessage(e), e);
        }
        String base = feedUrl;
        List<FoundItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            Element media = foreignElement(entry, MEDIA, "group");
            String text = entryText(entry);
            if (text.isEmpty() && media != null) { // YouTube: what the video says is its media:description
                String description = Texts.plainText(media.getChildTextTrim("description", media.getNamespace()));
                text = description == null ? "" : description;
            }
            items.add(new FoundItem(Texts.blankToNull(entry.getUri()), Links.unwrapped(Texts.absolute(base, link(entry))),
                    Texts.plainText(entry.getTitle()), text, author(entry), starRating(entry, media), date(entry)));
        }
        return items;
    }

    /**
     * RSS 0.91 feeds carry Netscape's DOCTYPE, which declares nothing: dropping it lets them parse
     * while every DOCTYPE with an internal subset (where XXE and entity bombs live) is still refused.
     */
    static String withoutHarmlessDoctype(String xml) {
        int head = Math.min(xml.length(), 2048);
        return HARMLESS_DOCTYPE.matcher(xml.substring(0, head)).replaceFirst("") + xml.substring(head);
    }

    private static Charset detectedCharset(byte[] body, String contentType) throws IOException {
        // XmlReader knows the XML rules (BOM, then HTTP header, then the declaration); lenient: a wrong
        // header does not fail, and the bytes get the last word in Charsets.corrected.
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            return Charset.forName(reader.getEncoding());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RSS author, Atom author or dc:creator (ROME), else dc:author, which some feeds write though DC has none. */
    private static String author(SyndEntry entry) {
        String author = Texts.authorName(entry.getAuthor());
        return author != null ? author : Texts.authorName(foreign(entry, DC, "author"));
    }

    /** The entry's own dates (RSS, Atom, dc:date), else the first of the DCMI terms that say when it was written. */
    private static Instant date(SyndEntry entry) {
        if (entry.getPublishedDate() != null) {
            return entry.getPublishedDate().toInstant();
        }
        if (entry.getUpdatedDate() != null) {
            return entry.getUpdatedDate().toInstant();
        }
        for (String term : DC_TERMS_DATES) {
            Instant at = Dates.parse(foreign(entry, DC_TERMS, term));
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    private static String foreign(SyndEntry entry, String namespace, String name) {
        Element e = foreignElement(entry, namespace, name);
        return e == null ? null : e.getTextTrim();
    }

    private static Element foreignElement(SyndEntry entry, String namespace, String name) {
        for (Element e : entry.getForeignMarkup()) {
            if (namespace.equals(e.getNamespaceURI()) && name.equals(e.getName())) {
                return e;
            }
        }
        return null;
    }

    /** Media RSS {@code media:community/media:starRating} (YouTube), in {@code media:group} or the entry itself. */
    private static Rating starRating(SyndEntry entry, Element group) {
        Element community = group != null ? group.getChild("community", group.getNamespace())
                : foreignElement(entry, MEDIA, "community");
        Element stars = community == null ? null : community.getChild("starRating", community.getNamespace());
        if (stars == null) {
            return null;
        }
        Double best = Ratings.number(stars.getAttributeValue("max"));
        return Ratings.of(Ratings.number(stars.getAttributeValue("average")), best == null ? 5.0 : best);
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null) {
            return entry.getLink();
        }
        for (SyndLink l : entry.getLinks()) {
            if (l.getRel() == null || "alternate".equals(l.getRel())) {
                return l.getHref();
            }
        }
        return null;
    }

    private static String entryText(SyndEntry entry) {
        StringBuilder text = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            String plain = Texts.plainText(textOf(content));
            if (plain != null) {
                text.append(plain).append(' ');
            }
        }
        if (text.toString().isBlank() && entry.getDescription() != null) {
            String plain = Texts.plainText(entry.getDescription().getValue());
            text.append(plain == null ? "" : plain);
        }
        return text.toString().strip();
    }

    /**
     * Atom 1.0 carries content of any type that is neither text nor XML in base64 (RFC 4287, 4.1.3.3); ROME hands it
     * over as it is (Atom 0.3's mode="base64" it decodes itself). Decoded when it is UTF-8 text, else dropped.
     */
    private static String textOf(SyndContent content) {
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        boolean inline = type.isEmpty() || type.equals("text") || type.equals("html") || type.equals("xhtml")
                || type.startsWith("text/") || type.contains("xml");
        if (inline || content.getValue() == null) {
            return content.getValue();
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(content.getValue().strip());
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null; // binary: nothing to read
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String own = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return t == e || t.getMessage() == null || own.contains(t.getMessage()) ? own : own + " (" + t.getMessage() + ")";
    }
}
