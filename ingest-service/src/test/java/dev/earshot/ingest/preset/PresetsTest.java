package dev.earshot.ingest.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.CatalogSource;
import dev.earshot.events.Ids;
import dev.earshot.ingest.source.CatalogValidator;
import dev.earshot.ingest.source.Source;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void eachPresetExpandsItsExampleToAPlainSourceTheCatalogAccepts() {
        for (Presets.Preset p : Presets.all()) {
            CatalogSource s = Presets.expand(p.name(), p.example(), null, null);
            assertEquals(java.util.List.of(), CatalogValidator.problems(Source.of(s)), p.name());
            assertTrue(s.url().startsWith("https://"), s.url());
            assertTrue(Ids.isCatalogId(s.id()), p.name() + " -> " + s.id());
        }
    }

    @Test
    void theUrlsAreTheSitesPublicFeeds() {
        assertEquals("https://www.youtube.com/feeds/videos.xml?channel_id=UCkestrelbikes000000000x",
                Presets.expand("youtube-channel", "UCkestrelbikes000000000x", null, "kestrel").url());
        assertEquals("https://www.reddit.com/r/kestrelbikes/new/.rss", Presets.expand("reddit-subreddit", "r/kestrelbikes",
                null, null).url());
        assertEquals("https://www.reddit.com/search.rss?sort=new&q=%22Kestrel+Bikes%22",
                Presets.expand("reddit-search", "\"Kestrel Bikes\"", null, null).url());
        assertEquals("https://mastodon.social/tags/kestrelbikes.rss",
                Presets.expand("mastodon-hashtag", "Mastodon.Social/#kestrelbikes", null, null).url());
        assertEquals("https://fosstodon.org/@kestrel.rss", Presets.expand("mastodon-account", "fosstodon.org/@kestrel", null,
                null).url());
        CatalogSource own = Presets.expand("youtube-channel", "UCkestrelbikes000000000x", "kestrel-youtube", "kestrel");
        assertEquals("kestrel-youtube", own.id());
        assertEquals("kestrel", own.brand());
        assertEquals("youtube-channel-uckestrelbikes000000000x", Presets.idOf("youtube-channel", "UCkestrelbikes000000000x"));
    }

    @Test
    void aParameterThatWouldBendTheUrlIsRefusedWithWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Presets.expand("reddit-subreddit", "kestrel/../../api?x=1", null, null));
        assertEquals("'kestrel/../../api?x=1' is not a subreddit name", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Presets.expand("mastodon-hashtag", "127.0.0.1:8080/x", null, null));
        assertThrows(IllegalArgumentException.class, () -> Presets.expand("google-alerts",
                "https://evil.example/alerts/feeds/1/2", null, null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Presets.expand("x-twitter", "kestrel", null, null))
                .getMessage().startsWith("no preset 'x-twitter'; there are: app-store, bluesky-search, google-alerts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Presets.expand("youtube-channel", " ", null, null))
                .getMessage().contains("needs the channel id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Presets.expand("youtube-channel",
                "UCkestrelbikes000000000x", "no spaces please", null)).getMessage().startsWith("id: 'no spaces please'"));
    }

    @Test
    void appStoreAndHackerNewsAreJsonSourcesWithTheirMapping() {
        CatalogSource app = Presets.expand("app-store", "GB/id1600000000", null, "kestrel");
        assertEquals("json", app.kind());
        assertEquals("https://itunes.apple.com/gb/rss/customerreviews/page=1/id=1600000000/sortby=mostrecent/json", app.url());
        assertEquals("$['im:rating'].label", app.json().rating());
        assertEquals(3, app.maxPages());
        CatalogSource hn = Presets.expand("hacker-news", "\"Kestrel Bikes\"", null, null);
        assertEquals("https://hn.algolia.com/api/v1/search_by_date?tags=(story,comment)&query=%22Kestrel%20Bikes%22", hn.url());
        assertEquals("page", hn.json().pageParam());
        assertThrows(IllegalArgumentException.class, () -> Presets.expand("app-store", "us/../../x", null, null));
    }

    @Test
    void blueskyTrustpilotAndReviewPagesExpandToTheirPublicAddresses() {
        CatalogSource bsky = Presets.expand("bluesky-search", "\"Kestrel Bikes\"", null, null);
        assertEquals("json", bsky.kind());
        assertEquals("https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?sort=latest&limit=100&q=%22Kestrel%20Bikes%22",
                bsky.url());
        assertEquals("$.record.text", bsky.json().text());
        assertEquals("$.uri", bsky.json().id());
        CatalogSource tp = Presets.expand("trustpilot", "KestrelBikes.example", null, "kestrel");
        assertEquals("page", tp.kind());
        assertEquals("https://www.trustpilot.com/review/kestrelbikes.example?sort=recency", tp.url());
        assertEquals(null, tp.selectors(), "no selectors: the page's schema.org markup is read");
        assertThrows(IllegalArgumentException.class, () -> Presets.expand("trustpilot", "kestrel.example/../x", null, null));
        assertEquals("https://reviews.example/kestrel-bikes",
                Presets.expand("review-page", "https://reviews.example/kestrel-bikes", null, null).url());
        assertThrows(IllegalArgumentException.class, () -> Presets.expand("review-page", "file:///etc/passwd", null, null));
        assertThrows(IllegalArgumentException.class, () -> Presets.expand("review-page", "https://u:p@reviews.example/", null,
                null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Presets.expand("x-twitter", "kestrel", null, null))
                .getMessage().contains("bluesky-search"));
    }
}
