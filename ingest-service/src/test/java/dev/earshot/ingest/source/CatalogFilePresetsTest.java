package dev.earshot.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.CatalogFile;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.CatalogSource;
import dev.earshot.ingest.preset.Presets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator names a preset in the catalog file; the start expands it as the API does, or stops saying where. */
class CatalogFilePresetsTest {

    private static final String BRANDS = """
            brands:
              - id: kestrel
                name: "Kestrel Bikes — \\"the\\" ride"
                terms: ["Kestrel", "yes", "0123", "ÆØÅ ✓"]
            """;

    @TempDir
    Path dir;

    private CatalogFile load(String yaml) throws Exception {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, yaml);
        return CatalogLoader.load(file);
    }

    private String refused(String yaml) throws Exception {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, yaml);
        String message = assertThrows(IllegalArgumentException.class, () -> CatalogLoader.load(file)).getMessage();
        assertTrue(message.startsWith("catalog " + file + ": "), "names the file: " + message);
        return message;
    }

    @Test
    void aPresetEntryIsStoredAsTheSourceThePresetMakesWithTheFilesOverrides() throws Exception {
        CatalogFile file = load(BRANDS + """
                sources:
                  - preset: app-store
                    parameter: us/1600000000
                    id: kestrel-ride-ios-us
                    brand: kestrel
                    maxPages: 1
                  - preset: hacker-news
                    parameter: '"Kestrel Bikes"'
                  - id: kestrel-blog
                    kind: feed
                    url: https://kestrel.example/feed.xml
                """);
        assertEquals(3, file.sources().size());
        CatalogSource app = file.sources().get(0);
        CatalogSource made = Presets.expand("app-store", "us/1600000000", "kestrel-ride-ios-us", "kestrel");
        assertEquals("kestrel-ride-ios-us", app.id());
        assertEquals("json", app.kind());
        assertEquals("https://itunes.apple.com/us/rss/customerreviews/page=1/id=1600000000/sortby=mostrecent/json", app.url());
        assertEquals(made.json(), app.json(), "the preset's mapping: stars from im:rating, the review's own id");
        assertEquals("kestrel", app.brand());
        assertEquals(1, app.maxPages(), "the file's maxPages wins over the preset's 3");
        assertNotNull(app.fileHash());
        CatalogSource hn = file.sources().get(1);
        assertEquals("hacker-news-kestrel-bikes", hn.id(), "no id given: the preset's name and the parameter");
        assertEquals(Presets.expand("hacker-news", "\"Kestrel Bikes\"", null, null), hn.withFileHash(null));
        String written = new CatalogRecord.SourceSet(app).valueJson();
        assertFalse(written.contains("preset") || written.contains("parameter"), "the topic gets the expanded source: " + written);
    }

    @Test
    void theReadmesExampleLoads() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("```yaml\nsources:\n  - preset: app-store");
        assertTrue(at > 0, "the README's example of presets in the file");
        String example = readme.substring(at + "```yaml\n".length(), readme.indexOf("```", at + 3));
        CatalogFile file = load(BRANDS + example);
        assertEquals(List.of("kestrel-ride-ios-us", "hacker-news-kestrel-bikes", "youtube-channel-uckestrelbikes000000000x"),
                file.sources().stream().map(CatalogSource::id).toList());
        assertEquals(1, file.sources().get(1).maxPages());
    }

    @Test
    void theOtherEntriesReadAsIfTheFileNamedNoPreset() throws Exception {
        String plain = BRANDS + """
                sources:
                  - id: kestrel-blog
                    kind: feed
                    url: "https://kestrel.example/feed.xml?tag=yes&q=%22a%22"
                """;
        CatalogFile without = load(plain);
        CatalogFile with = load(plain + """
                  - {preset: reddit-subreddit, parameter: kestrelbikes}
                """);
        assertEquals(without.brands(), with.brands(), "terms such as yes, 0123 and ÆØÅ ✓ survive the expansion as written");
        assertEquals(without.sources().get(0), with.sources().get(0), "same entry, same fileHash");
        assertEquals("https://www.reddit.com/r/kestrelbikes/new/.rss", with.sources().get(1).url());
        assertEquals(CatalogFile.read(plain), without, "a file without presets is read as before");
    }

    @Test
    void anUnknownPresetOrAMissingParameterStopsTheStartNamingTheEntry() throws Exception {
        String unknown = refused(BRANDS + """
                sources:
                  - id: kestrel-blog
                    kind: feed
                    url: https://kestrel.example/feed.xml
                  - preset: app-stor
                    parameter: us/1600000000
                """);
        assertTrue(unknown.endsWith(": sources[1].preset: no preset 'app-stor'; there are: app-store, bluesky-search, "
                + "google-alerts, hacker-news, mastodon-account, mastodon-hashtag, reddit-comments, reddit-search, "
                + "reddit-subreddit, review-page, trustpilot, youtube-channel, youtube-playlist"), unknown);
        String missing = refused(BRANDS + """
                sources:
                  - preset: app-store
                    brand: kestrel
                """);
        assertTrue(missing.endsWith(": sources[0].parameter: preset 'app-store' needs country/app id, e.g. us/1600000000 "
                + "(the number in the app's App Store URL)"), missing);
        String wrong = refused(BRANDS + """
                sources:
                  - {preset: reddit-subreddit, parameter: "kestrel/../../api?x=1"}
                """);
        assertTrue(wrong.endsWith(": sources[0].parameter: 'kestrel/../../api?x=1' is not a subreddit name"), wrong);
    }

    @Test
    void whatThePresetMakesCannotBeSetBesideItAndTheRestIsCheckedByTheSchema() throws Exception {
        String url = refused(BRANDS + """
                sources:
                  - preset: youtube-channel
                    parameter: UCkestrelbikes000000000x
                    url: https://elsewhere.example/feed.xml
                """);
        assertTrue(url.contains("sources[0].url: set by preset 'youtube-channel'"), url);
        String typo = refused(BRANDS + """
                sources:
                  - preset: youtube-channel
                    parameter: UCkestrelbikes000000000x
                    brnad: kestrel
                """);
        assertTrue(typo.endsWith(": sources[0].brnad: unknown key"), typo);
        String brand = refused(BRANDS + """
                sources:
                  - {preset: youtube-channel, parameter: UCkestrelbikes000000000x, brand: falcon}
                """);
        assertTrue(brand.endsWith(": sources[0].brand: no brand 'falcon' in the file"), brand);
        String stray = refused(BRANDS + """
                sources:
                  - {id: kestrel-blog, kind: feed, url: "https://kestrel.example/feed.xml", parameter: x}
                """);
        assertTrue(stray.endsWith(": sources[0].parameter: only with a preset (preset: <name>)"), stray);
        String notYaml = refused("sources:\n  - {preset: app-store\n");
        assertTrue(notYaml.contains("not YAML"), "the contract's reader says it, with the line: " + notYaml);
    }
}
