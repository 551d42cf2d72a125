package dev.earshot.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saved feeds of every version ROME reads, and the broken and hostile ones real sites serve. */
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
    void rss091WithNetscapeDoctypeIsRead() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/rss-0.91.xml"), "text/xml");
        assertEquals(2, items.size());
        assertEquals("Paid £4.20 for a flat white at Northwind Coffee and it came out lukewarm. Staff shrugged.",
                items.get(0).text());
        assertEquals("http://board.harbourtown.example/thread/4471", items.get(0).link());
    }

    @Test
    void rss10RdfGivesAuthorAndDublinCoreDate() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/rss-1.0.rdf"), "application/rdf+xml");
        assertEquals(2, items.size());
        assertEquals("M. Okafor", items.get(0).author());
        assertEquals(Instant.parse("2026-11-21T17:02:00Z"), items.get(0).publishedAt());
        assertEquals("https://complaints.example/c/88120", items.get(0).link());
    }

    @Test
    void rss20HtmlEntitiesCdataRelativeLinksAndLooseDates() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/rss-2.0-relative.rss"), "application/rss+xml; charset=utf-8",
                "https://brewhaha.example/feed.xml");
        FoundItem burnt = items.get(0);
        assertEquals("Northwind Coffee éspresso: burnt", burnt.title().replace('\u00a0', ' '));
        assertEquals("The espresso at Northwind Coffee tasted burnt & bitter. 2/5.", burnt.text());
        assertEquals("https://brewhaha.example/reviews/northwind-espresso", burnt.link());
        assertEquals("Priya S.", burnt.author(), "the name, not the email");
        assertEquals(Instant.parse("2026-11-21T15:45:00Z"), burnt.publishedAt());
        assertEquals(Instant.parse("2026-11-20T09:30:00Z"), items.get(1).publishedAt(), "'yyyy-MM-dd HH:mm:ss' as UTC");
    }

    @Test
    void atom03IsRead() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/atom-0.3.xml"), "application/atom+xml");
        assertEquals(1, items.size());
        assertEquals("The queue at Northwind Coffee took 25 minutes and my order was wrong.", items.get(0).text());
        assertEquals("Jo Baker", items.get(0).author());
        assertEquals("tag:oldtownfood.example,2026:post-311", items.get(0).guid());
    }

    @Test
    void atom10ResolvesXmlBaseAndReadsXhtmlContent() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/atom-1.0.xml"), "application/atom+xml",
                "https://reviews.cityguide.example/coffee/feed.atom");
        FoundItem first = items.get(0);
        assertEquals("https://reviews.cityguide.example/coffee/r/77310", first.link());
        assertEquals("Northwind Coffee again out of oat milk", first.title());
        assertEquals("Third time this month Northwind Coffee had no oat milk. 1 star.", first.text());
        assertEquals(Instant.parse("2026-11-22T07:58:00Z"), first.publishedAt());
        assertEquals("Buttery, flaky, perfect.", items.get(1).text());
    }

    @Test
    void windows1252BytesDeclaredUtf8AreReadAsWritten() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/wrong-charset.rss"), "application/rss+xml; charset=utf-8");
        assertEquals("Northwind Café – never again", items.get(0).title());
        assertEquals("The crème brûlée at Northwind Coffee was frozen in the middle. €7 wasted.", items.get(0).text());
    }

    @Test
    void utf8BytesServedAsLatin1AreReadAsUtf8() throws Exception {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://x.example/</link>"
                + "<description>d</description><item><title>Crème brûlée at Northwind</title></item></channel></rss>";
        List<FoundItem> items = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=ISO-8859-1");
        assertEquals("Crème brûlée at Northwind", items.get(0).title());
    }

    @Test
    void byteOrderMarkIsNoProblem() throws Exception {
        byte[] feed = fixture("/feeds/coffee-reviews.rss");
        byte[] withBom = new byte[feed.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(feed, 0, withBom, 3, feed.length);
        assertEquals(4, parser.parse(withBom, null).size());
    }

    @Test
    void truncatedFeedIsAClearError() {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(fixture("/feeds/broken.rss"), "application/rss+xml"));
        assertTrue(e.getMessage().startsWith("not a readable RSS or Atom feed"), e.getMessage());
    }

    @Test
    void externalEntityIsNeverResolved() {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(fixture("/feeds/xxe.rss"), "application/rss+xml"));
        assertFalse(e.getMessage().contains("root:"), "nothing of /etc/passwd leaks into the error");
    }

    @Test
    void entityExpansionBombIsRefusedAtOnce() {
        long start = System.nanoTime();
        assertThrows(FeedParseException.class, () -> parser.parse(fixture("/feeds/entity-bomb.rss"), "application/rss+xml"));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused without expanding a billion 'lol's");
    }

    @Test
    void htmlPageIsNotAFeed() {
        assertThrows(FeedParseException.class, () -> parser.parse(
                "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"));
    }

    static byte[] fixture(String path) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void authorsFromDcCreatorAndDcAuthorAndDatesFromDcTerms() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/dublin-core.rss"), "application/rss+xml");
        assertEquals(3, items.size());
        assertEquals("Priya N.", items.get(0).author());
        assertEquals(Instant.parse("2026-11-28T17:05:00Z"), items.get(0).publishedAt());
        assertEquals("Tomás R.", items.get(1).author());
        assertEquals(Instant.parse("2026-11-29T08:40:00Z"), items.get(1).publishedAt());
        assertNull(items.get(2).author());
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), items.get(2).publishedAt());
    }

    @Test
    void base64ContentInAtomIsDecoded() throws Exception {
        FoundItem old = parser.parse(fixture("/feeds/atom-base64.xml"), "application/atom+xml").get(0);
        assertEquals("Marlow Bakery sold me stale croissants and refused a refund.", old.text());
        assertEquals("Elena V.", old.author());
        FoundItem current = parser.parse(fixture("/feeds/atom-1.0-base64.xml"), "application/atom+xml").get(0);
        assertEquals("Marlow Bakery sourdough was raw inside. Never again.", current.text());
    }

    @Test
    void rssWithItemsButNoChannelIsRead() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/rss-without-channel.rss"), "application/rss+xml");
        assertEquals(2, items.size());
        assertEquals("Lumen Phones battery dies by noon", items.get(0).title());
        assertEquals(Instant.parse("2026-11-29T14:02:00Z"), items.get(0).publishedAt());
        assertEquals("https://gadgetgripes.example/t/3302", items.get(1).link());
    }

    @Test
    void referencesWithoutSemicolonAndAStrayLessThanInAReviewAreText() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/sloppy-markup.rss"), "application/rss+xml");
        assertEquals(3, items.size());
        assertEquals("Awful service at Marlow Bakery", items.get(0).title());
        assertEquals("Café counter at Marlow Bakery: waited 20 min & got the wrong order — never again.",
                items.get(0).text());
        assertEquals("Five stars <!!! best croissant", items.get(1).title());
        assertEquals("Marlow Bakery I <3 their almond croissant, 2 < 3 visits a week", items.get(1).text());
        assertEquals("Marlow Bakery: fine today, 2 < 3 & all", items.get(2).text(), "CDATA as written");
    }

    @Test
    void theRepairsLeaveXxeAndEntityBombsRefused() {
        assertThrows(FeedParseException.class, () -> parser.parse(fixture("/feeds/xxe.rss"), "application/rss+xml"));
        assertThrows(FeedParseException.class,
                () -> parser.parse(fixture("/feeds/entity-bomb.rss"), "application/rss+xml"));
    }

    @Test
    void jsonFeed11IsReadAsAFeed() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/jsonfeed-1.1.json"), "application/feed+json",
                "https://pedaltalk.example/reviews/feed.json");
        assertEquals(3, items.size());
        FoundItem first = items.get(0);
        assertEquals("https://pedaltalk.example/reviews/4410", first.guid());
        assertEquals("https://pedaltalk.example/reviews/4410", first.link(), "resolved against the feed's address");
        assertEquals("Kestrel Bikes warranty: denied", first.title());
        assertEquals("Kestrel Bikes refused my warranty claim for a cracked fork & took three weeks to say so.", first.text());
        assertEquals("Jordan P.", first.author());
        assertEquals(Instant.parse("2026-11-30T15:15:00Z"), first.publishedAt());
        assertEquals("Pedal Talk editors", items.get(1).author(), "the feed's author when the item has none");
        assertEquals(Instant.parse("2026-11-30T12:00:00Z"), items.get(1).publishedAt());
        assertEquals("https://elsewhere.example/kestrel-recall", items.get(2).link());
        assertEquals("Kestrel Bikes recalls 2025 commuter brakes", items.get(2).text());
    }

    @Test
    void jsonFeed10ServedAsPlainJsonIsToldByItsVersion() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/jsonfeed-1.0.json"), "application/json; charset=utf-8");
        assertEquals(2, items.size());
        assertEquals("Sam W.", items.get(0).author());
        assertEquals("71", items.get(1).guid(), "a numeric id is an id");
        assertEquals("Crumbs staff", items.get(1).author());
        // served as text/plain, as static hosts do: the version URL still tells
        assertEquals(2, parser.parse(fixture("/feeds/jsonfeed-1.0.json"), "text/plain").size());
    }

    @Test
    void aJsonDocumentThatIsNoFeedIsAClearError() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(
                "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                "application/feed+json"));
        assertTrue(e.getMessage().contains("no items array"), e.getMessage());
        assertThrows(FeedParseException.class, () -> parser.parse("{\"items\": [".getBytes(StandardCharsets.UTF_8),
                "application/feed+json"));
    }

    @Test
    void youtubeChannelFeedGivesTheDescriptionAsTextAndTheStarRating() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/youtube-channel.xml"), "application/atom+xml; charset=UTF-8",
                "https://www.youtube.com/feeds/videos.xml?channel_id=UCkestrelbikes000000000");
        assertEquals(2, items.size());
        FoundItem video = items.get(0);
        assertEquals("yt:video:Kb7x1Qm2aZc", video.guid());
        assertEquals("https://www.youtube.com/watch?v=Kb7x1Qm2aZc", video.link());
        assertTrue(video.text().startsWith("Six months on the Kestrel Bikes Aero 3: the weld at the rear triangle cracked"),
                video.text());
        assertEquals(new dev.earshot.events.Rating(2.4, 5), video.rating());
        assertEquals("Kestrel Bikes", video.author());
        assertNull(items.get(1).rating(), "no starRating, no rating");
        assertEquals("Unboxing the new Kestrel commuter.", items.get(1).text());
    }

    @Test
    void googleAlertsLinksAreTheArticlesNotGooglesRedirect() throws Exception {
        List<FoundItem> items = parser.parse(fixture("/feeds/google-alerts.xml"), "application/atom+xml");
        assertEquals("https://news.example/2026/11/kestrel-bikes-recall?utm_source=alert", items.get(0).link());
        assertEquals("http://forum.example/t/kestrel-worth-it", items.get(1).link());
        assertEquals("Kestrel Bikes recalls commuter brakes after crash reports", items.get(0).title());
        assertEquals("https://www.google.com/url?url=javascript:alert(1)", Links.unwrapped(
                "https://www.google.com/url?url=javascript:alert(1)"), "only http(s) targets are unwrapped");
    }
}
