package dev.earshot.ingest.extract;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * Reads RSS and Atom feeds through ROME and turns each entry into plain text. ROME refuses
 * DOCTYPEs by default, which keeps external entities and entity bombs out.
 */
public final class FeedParser {

    /**
     * @param body        the raw bytes as served
     * @param contentType the HTTP Content-Type, whose charset wins over the XML declaration
     */
    public List<FoundItem> parse(byte[] body, String contentType) throws FeedParseException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException("not a readable RSS or Atom feed: " + e.getMessage(), e);
        }
        List<FoundItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(new FoundItem(entry.getUri(), entry.getLink(), plainText(entry.getTitle()), entryText(entry),
                    blankToNull(entry.getAuthor()), null,
                    entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                            : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null));
        }
        return items;
    }

    private static String entryText(SyndEntry entry) {
        StringBuilder text = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            text.append(plainText(content.getValue())).append(' ');
        }
        if (text.toString().isBlank() && entry.getDescription() != null) {
            text.append(plainText(entry.getDescription().getValue()));
        }
        return text.toString().strip();
    }

    /** Markup and entities in feed text become the plain text a reader would see. */
    static String plainText(String htmlOrText) {
        if (htmlOrText == null) {
            return null;
        }
        return Jsoup.parse(htmlOrText).text().strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
