package dev.earshot.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.CatalogSource;
import dev.earshot.events.Rating;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saved API answers read with a mapping, and the hostile ones: huge arrays, deep nesting, HTML served for JSON. */
class JsonExtractorTest {

    static final CatalogSource.Json APP_STORE = new CatalogSource.Json("$.feed.entry[*]", "$.content.label", "$.title.label",
            "$.author.name.label", "$.link.attributes.href", "$.updated.label", "$['im:rating'].label", "5", "$.id.label",
            "$.feed.link[?(@.attributes.rel == 'next')].attributes.href", null);
    static final CatalogSource.Json HN = new CatalogSource.Json("$.hits[*]", "$.comment_text | $.story_text | $.title", "$.title",
            "$.author", "$.url | $.story_url", "$.created_at", null, null, "$.objectID", null, "page");

    private final JsonExtractor extractor = new JsonExtractor();

    @Test
    void readsAnAppStoreCustomerReviewsFeedWithItsStarRatings() throws Exception {
        JsonExtractor.Page page = extractor.extract(FeedParserTest.fixture("/json/appstore-customerreviews.json"),
                "text/javascript; charset=utf-8", "https://itunes.apple.com/us/rss/customerreviews/id=1600000000/json", APP_STORE);
        assertEquals(2, page.items().size());
        FoundItem first = page.items().get(0);
        assertEquals("11870000001", first.guid());
        assertEquals("Kestrel Ride app logs me out every day", first.title());
        assertTrue(first.text().startsWith("Since 5.4 the Kestrel Ride app forgets my login"), first.text());
        assertEquals("commuter_kat", first.author());
        assertEquals(new Rating(1, 5), first.rating());
        assertEquals(Instant.parse("2026-11-30T14:12:44Z"), first.publishedAt());
        assertEquals(new Rating(4, 5), page.items().get(1).rating());
        assertTrue(page.nextPage().contains("page=2"), page.nextPage());
    }

    @Test
    void readsHackerNewsSearchHitsWithFallbackPaths() throws Exception {
        JsonExtractor.Page page = extractor.extract(FeedParserTest.fixture("/json/hn-algolia-search.json"),
                "application/json", "https://hn.algolia.com/api/v1/search_by_date?query=x", HN);
        assertEquals(2, page.items().size());
        FoundItem comment = page.items().get(0);
        assertEquals("We moved off Lumen Cloud after their third outage this quarter. Support took 2 days to answer.",
                comment.text(), "HTML made plain");
        assertNull(comment.title());
        assertEquals("https://blog.example/lumen-outage", comment.link(), "story_url when the hit has no url");
        assertEquals("42000123", comment.guid());
        FoundItem story = page.items().get(1);
        assertEquals("Lumen Cloud status page was green during the outage", story.text(), "the title when there is no text");
        assertEquals(Instant.parse("2026-11-30T06:02:00Z"), story.publishedAt());
        assertNull(page.nextPage());
    }

    @Test
    void readsBlueskySearchPostsWithTheirWebLinks() throws Exception {
        JsonExtractor.Page page = extractor.extract(FeedParserTest.fixture("/json/bluesky-searchposts.json"),
                "application/json; charset=utf-8",
                "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=%22Kestrel%20Bikes%22",
                dev.earshot.ingest.preset.PresetMappings.bluesky());
        assertEquals(2, page.items().size());
        FoundItem angry = page.items().get(0);
        assertEquals("Second Kestrel Bikes frame in a year with a cracked seat stay. Their support just closed my ticket. 😤",
                angry.text());
        assertNull(angry.title(), "posts have no title");
        assertEquals("ridewithkat.bsky.social", angry.author());
        assertEquals("https://bsky.app/profile/did:plc:4kq2hx7n3vbe5tjwmzqk6f2d/post/3lbxk2rmdhs2k", angry.link(),
                "the AT URI becomes the post's bsky.app address");
        assertEquals("at://did:plc:4kq2hx7n3vbe5tjwmzqk6f2d/app.bsky.feed.post/3lbxk2rmdhs2k", angry.guid());
        assertEquals(Instant.parse("2026-11-30T18:21:09.412Z"), angry.publishedAt());
        assertNull(angry.rating());
        assertEquals("velo-notes.example.com", page.items().get(1).author());
        assertEquals(Instant.parse("2026-11-29T07:02:44Z"), page.items().get(1).publishedAt());
        assertNull(page.nextPage(), "Bluesky's cursor is not a URL: one page");
    }

    @Test
    void epochSecondsAndMillisAreDates() {
        assertEquals(Instant.parse("2026-11-30T08:41:07Z"), JsonExtractor.date("1796028067"));
        assertEquals(Instant.parse("2026-11-30T08:41:07Z"), JsonExtractor.date("1796028067000"));
    }

    @Test
    void aHugeArrayIsReadUpToTheItemLimit() throws Exception {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 200_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"t\":\"Kestrel ").append(i).append("\"}");
        }
        byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        JsonExtractor.Page page = extractor.extract(body, "application/json", null,
                new CatalogSource.Json("$.items", "$.t", null, null, null, null, null, null, null, null, null));
        assertEquals(JsonExtractor.MAX_ITEMS, page.items().size());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "bounded time");
    }

    @Test
    void deepNestingIsRefusedBeforeATreeIsBuilt() {
        byte[] deep = ("{\"items\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8);
        FeedParseException e = assertThrows(FeedParseException.class, () -> extractor.extract(deep, "application/json", null,
                HN));
        assertTrue(e.getMessage().contains("nested deeper than " + JsonExtractor.MAX_DEPTH), e.getMessage());
    }

    @Test
    void htmlServedForJsonAndBrokenJsonAreClearErrors() {
        byte[] login = "<html><body>Please sign in</body></html>".getBytes(StandardCharsets.UTF_8);
        FeedParseException html = assertThrows(FeedParseException.class,
                () -> extractor.extract(login, "text/html; charset=utf-8", null, HN));
        assertTrue(html.getMessage().startsWith("expected JSON, got text/html"), html.getMessage());
        FeedParseException broken = assertThrows(FeedParseException.class,
                () -> extractor.extract("{\"hits\": [".getBytes(StandardCharsets.UTF_8), "application/json", null, HN));
        assertTrue(broken.getMessage().startsWith("not readable JSON"), broken.getMessage());
    }

    @Test
    void aPathThatFindsNoArrayGivesNoItems() throws Exception {
        assertEquals(List.of(), extractor.extract("{\"hits\": 3}".getBytes(StandardCharsets.UTF_8), "application/json",
                null, HN).items());
    }
}
