package dev.earshot.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsASavedRssFeedIntoPlainTextItems() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/coffee-reviews.rss"), "application/rss+xml");
        assertEquals(4, items.size());
        FoundItem first = items.get(0);
        assertEquals("citybites-review-1001", first.guid());
        assertEquals("Northwind Coffee ruined my morning", first.title());
        assertTrue(first.text().startsWith("Waited 40 minutes at Northwind Coffee & the latte"), first.text());
        assertEquals("Dana K.", first.author());
        assertEquals(Instant.parse("2026-11-22T08:14:00Z"), first.publishedAt());
        assertNull(items.get(2).author());
    }

    @Test
    void refusesAFeedWithADoctypeSoNoEntityIsExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>t</title><item><title>&xxe;</title></item></channel></rss>
                """;
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
        assertTrue(e.getMessage().startsWith("not a readable RSS or Atom feed"), e.getMessage());
    }

    @Test
    void htmlPageIsNotAFeed() {
        assertThrows(FeedParseException.class, () -> parser.parse(
                "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"));
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
