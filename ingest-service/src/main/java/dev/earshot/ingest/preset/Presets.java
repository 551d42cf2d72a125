package dev.earshot.ingest.preset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.CatalogSource;
import dev.earshot.events.EventJson;
import dev.earshot.events.MalformedEventException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named source templates: a person picks a preset and gives one parameter, and gets a plain source (a feed, page or
 * json), which is what is shown in a preview and stored, so a stored source never depends on a preset's later changes.
 * A parameter is checked against what the site allows before it becomes part of a URL. The API and the operator's file
 * expand them here into the contract's catalog entry, not ingest's {@code Source}, so the file's reader in
 * {@code source/} uses this package without a cycle.
 */
public final class Presets {

    private static final String FEED = "feed";
    private static final String PAGE = "page";
    private static final String JSON = "json";

    /** One preset: what its parameter is, and how it becomes the source's URL; kind as the catalog names it. */
    public record Preset(String name, String parameter, String example, String kind, Function<String, String> url,
            CatalogSource.Json json, Integer maxPages) {

        Preset(String name, String parameter, String example, String kind, Function<String, String> url) {
            this(name, parameter, example, kind, url, null, null);
        }
    }

    /** The App Store's public customer-reviews feed in its JSON form: newest first, 1-5 stars in im:rating. */
    static final CatalogSource.Json APP_STORE = new CatalogSource.Json("$.feed.entry[*]", "$.content.label",
            "$.title.label", "$.author.name.label", "$.link.attributes.href", "$.updated.label", "$['im:rating'].label", "5",
            "$.id.label", "$.feed.link[?(@.attributes.rel == 'next')].attributes.href", null);
    /** Hacker News stories and comments through the public Algolia search API, newest first. */
    static final CatalogSource.Json HACKER_NEWS = new CatalogSource.Json("$.hits[*]",
            "$.comment_text | $.story_text | $.title", "$.title", "$.author", "$.url | $.story_url", "$.created_at", null,
            null, "$.objectID", null, "page");
    /**
     * Bluesky posts that mention the brand through the public {@code app.bsky.feed.searchPosts} (newest first, up to
     * 100). The link is the post's AT URI, which the extractor turns into its bsky.app address (by the author's DID,
     * since a path cannot join the handle and the record key); the next page needs Bluesky's opaque cursor, so one
     * page a poll.
     */
    static final CatalogSource.Json BLUESKY = new CatalogSource.Json("$.posts[*]", "$.record.text", null,
            "$.author.handle", "$.uri", "$.record.createdAt | $.indexedAt", null, null, "$.uri", null, null);
    private static final Pattern APP = Pattern.compile("([a-z]{2})/(?:id)?([0-9]{5,12})");

    private static final Pattern SUBREDDIT = Pattern.compile("(?:/?r/)?([A-Za-z0-9_]{2,21})");
    private static final Pattern CHANNEL = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern PLAYLIST = Pattern.compile("[A-Za-z0-9_-]{10,64}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)+[A-Za-z]{2,63}");
    private static final Pattern HASHTAG = Pattern.compile("(" + HOST.pattern() + ")/#?([\\p{L}\\p{N}_]{1,100})");
    private static final Pattern ACCOUNT = Pattern.compile("(" + HOST.pattern() + ")/@?([A-Za-z0-9_]{1,30})");
    private static final Pattern ID_UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private static final Map<String, Preset> PRESETS = new TreeMap<>();

    static {
        add(new Preset("youtube-channel", "the channel id (UC…, 24 characters)", "UCkestrelbikes000000000x",
                FEED, p -> "https://www.youtube.com/feeds/videos.xml?channel_id=" + match(CHANNEL, p, "a channel id").group()));
        add(new Preset("youtube-playlist", "the playlist id (PL…)", "PLkestrel0000000000000000000000000",
                FEED, p -> "https://www.youtube.com/feeds/videos.xml?playlist_id=" + match(PLAYLIST, p, "a playlist id").group()));
        add(new Preset("reddit-subreddit", "the subreddit's name (without r/)", "kestrelbikes", FEED,
                p -> "https://www.reddit.com/r/" + match(SUBREDDIT, p, "a subreddit name").group(1) + "/new/.rss"));
        add(new Preset("reddit-comments", "the subreddit's name (without r/)", "kestrelbikes", FEED,
                p -> "https://www.reddit.com/r/" + match(SUBREDDIT, p, "a subreddit name").group(1) + "/comments/.rss"));
        add(new Preset("reddit-search", "what to search for, e.g. the brand's name", "\"Kestrel Bikes\"",
                FEED, p -> "https://www.reddit.com/search.rss?sort=new&q=" + query(p)));
        add(new Preset("mastodon-hashtag", "instance/hashtag", "mastodon.social/kestrelbikes", FEED, p -> {
            Matcher m = match(HASHTAG, p, "instance/hashtag, e.g. mastodon.social/kestrelbikes");
            return "https://" + m.group(1).toLowerCase(Locale.ROOT) + "/tags/" + m.group(2) + ".rss";
        }));
        add(new Preset("mastodon-account", "instance/@account", "mastodon.social/@kestrelbikes", FEED, p -> {
            Matcher m = match(ACCOUNT, p, "instance/@account, e.g. mastodon.social/@kestrelbikes");
            return "https://" + m.group(1).toLowerCase(Locale.ROOT) + "/@" + m.group(2) + ".rss";
        }));
        add(new Preset("app-store", "country/app id, e.g. us/1600000000 (the number in the app's App Store URL)",
                "us/1600000000", JSON, p -> {
                    Matcher m = match(APP, p.toLowerCase(Locale.ROOT), "country/app id, e.g. us/1600000000");
                    return "https://itunes.apple.com/" + m.group(1) + "/rss/customerreviews/page=1/id=" + m.group(2)
                            + "/sortby=mostrecent/json";
                }, APP_STORE, 3));
        add(new Preset("hacker-news", "what to search for, e.g. the brand's name", "\"Kestrel Bikes\"", JSON,
                p -> "https://hn.algolia.com/api/v1/search_by_date?tags=(story,comment)&query=" + query(p).replace("+", "%20"),
                HACKER_NEWS, 2));
        add(new Preset("bluesky-search", "what to search for, e.g. the brand's name", "\"Kestrel Bikes\"",
                JSON, p -> "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?sort=latest&limit=100&q="
                        + query(p).replace("+", "%20"), BLUESKY, 1));
        add(new Preset("trustpilot", "the company's domain as in its Trustpilot address (trustpilot.com/review/<domain>)",
                "kestrelbikes.example", PAGE, p -> "https://www.trustpilot.com/review/"
                        + match(HOST, p.toLowerCase(Locale.ROOT), "a domain, e.g. kestrelbikes.example").group() + "?sort=recency"));
        add(new Preset("review-page", "the https address of a review page with schema.org Review markup (JSON-LD or microdata)",
                "https://reviews.example/kestrel-bikes", PAGE, Presets::reviewPage));
        add(new Preset("google-alerts", "the alert's feed address (Google Alerts: deliver to RSS feed)",
                "https://www.google.com/alerts/feeds/01234567890123456789/1234567890123456789", FEED,
                Presets::googleAlertsFeed));
    }

    private Presets() {
    }

    private static void add(Preset p) {
        PRESETS.put(p.name(), p);
    }

    public static List<Preset> all() {
        return List.copyOf(PRESETS.values());
    }

    /**
     * The preset of this name.
     *
     * @throws IllegalArgumentException naming the presets there are
     */
    public static Preset preset(String name) {
        Preset preset = name == null ? null : PRESETS.get(name);
        if (preset == null) {
            throw new IllegalArgumentException("no preset '" + name + "'; there are: " + String.join(", ", PRESETS.keySet()));
        }
        return preset;
    }

    /**
     * The plain source a preset makes, as the catalog's record (checked by the contract's schema).
     *
     * @param id    the source's id; null: the preset's name and the parameter
     * @param brand when set, every item is about this brand (e.g. the brand's own channel)
     * @throws IllegalArgumentException naming the preset, the parameter or the id that is wrong
     */
    public static CatalogSource expand(String name, String parameter, String id, String brand) {
        try {
            return CatalogRecord.source(entry(name, parameter, id, brand));
        } catch (MalformedEventException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * As {@link #expand}, as the source's entry in the operator's file would write it out (no schemaVersion, no
     * fileHash; unchecked, so the file's reader reports a wrong id with the entry's path).
     */
    public static ObjectNode entry(String name, String parameter, String id, String brand) {
        Preset preset = preset(name);
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("preset '" + name + "' needs " + preset.parameter()
                    + (preset.parameter().contains(preset.example()) ? "" : ", e.g. " + preset.example()));
        }
        ObjectNode entry = EventJson.mapper().createObjectNode();
        entry.put("id", id != null ? id : idOf(name, parameter));
        entry.put("kind", preset.kind());
        entry.put("url", preset.url().apply(parameter.strip()));
        if (brand != null) {
            entry.put("brand", brand);
        }
        if (preset.maxPages() != null) {
            entry.put("maxPages", preset.maxPages());
        }
        if (preset.json() != null) {
            entry.set("json", EventJson.mapper().valueToTree(preset.json()));
        }
        return entry;
    }

    private static Matcher match(Pattern p, String value, String what) {
        Matcher m = p.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not " + what);
        }
        return m;
    }

    private static String query(String q) {
        if (q.length() > 500) {
            throw new IllegalArgumentException("the search is longer than 500 characters");
        }
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String googleAlertsFeed(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || !"www.google.com".equalsIgnoreCase(uri.getHost())
                || uri.getPath() == null || !uri.getPath().startsWith("/alerts/feeds/")) {
            throw new IllegalArgumentException("a Google Alerts feed starts with https://www.google.com/alerts/feeds/");
        }
        return uri.toString();
    }

    private static String reviewPage(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a review page's address is http(s)://host/…, without credentials");
        }
        return uri.toString();
    }

    /** youtube-channel-UCkestrel…: the preset and its parameter, as the catalog's id pattern allows. */
    static String idOf(String name, String parameter) {
        String slug = ID_UNSAFE.matcher(parameter.strip()).replaceAll("-").replaceAll("^-+|-+$", "");
        String id = (name + "-" + slug).toLowerCase(Locale.ROOT);
        return id.length() <= 64 ? id : id.substring(0, 64).replaceAll("[-.]+$", "");
    }
}
