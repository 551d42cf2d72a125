package dev.earshot.ingest.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Ids;
import dev.earshot.ingest.source.Source;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void eachPresetExpandsItsExampleToAPlainFeedWithAValidId() {
        for (Presets.Preset p : Presets.all()) {
            Source s = Presets.expand(p.name(), p.example(), null, null);
            assertEquals(Source.Kind.feed, s.kind(), p.name());
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
        Source own = Presets.expand("youtube-channel", "UCkestrelbikes000000000x", "kestrel-youtube", "kestrel");
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
                .getMessage().startsWith("no preset 'x-twitter'; there are: google-alerts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Presets.expand("youtube-channel", " ", null, null))
                .getMessage().contains("needs the channel id"));
    }
}
