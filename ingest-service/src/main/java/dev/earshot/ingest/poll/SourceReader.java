package dev.earshot.ingest.poll;

import dev.earshot.ingest.extract.ExtractedPage;
import dev.earshot.ingest.extract.FeedParseException;
import dev.earshot.ingest.extract.FeedParser;
import dev.earshot.ingest.extract.FoundItem;
import dev.earshot.ingest.extract.JsonExtractor;
import dev.earshot.ingest.extract.PageExtractor;
import dev.earshot.ingest.fetch.FetchException;
import dev.earshot.ingest.fetch.HttpFetcher;
import dev.earshot.ingest.fetch.PageRenderer;
import dev.earshot.ingest.fetch.RobotsRules;
import dev.earshot.ingest.source.CatalogValidator;
import dev.earshot.ingest.source.Source;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one source: robots.txt, a conditional GET, then the feed or the review page (following
 * its "next" link up to the source's page limit), into the items found. A page with {@code render: true} is read
 * through the {@link PageRenderer} instead of the fetcher (no conditional GET: the browser has no cursor), with the
 * same robots.txt check per page, and its DOM goes through the same page extractor. Publishes nothing and
 * matches no brand, so the preview endpoint uses it as it is.
 */
public class SourceReader {

    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    private static final String JSON_ACCEPT = "application/json, application/feed+json;q=0.9, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private final HttpFetcher fetcher;
    private final PageRenderer renderer;
    private final RobotsRules robots;
    private final FeedParser feeds = new FeedParser();
    private final PageExtractor pages = new PageExtractor();
    private final JsonExtractor json = new JsonExtractor();
    private final int maxPagesLimit;
    private final Duration pageDelay;
    /**
     * @param pageDelay wait between the pages of one paginated source (the per-host interval)
     */
    public SourceReader(HttpFetcher fetcher, PageRenderer renderer, RobotsRules robots, int maxPagesLimit,
            Duration pageDelay) {
        this.fetcher = fetcher;
        this.renderer = renderer;
        this.robots = robots;
        this.maxPagesLimit = maxPagesLimit;
        this.pageDelay = pageDelay;
    }

    /**
     * What one read found.
     *
     * @param notModified the server answered 304: nothing changed since the cursor
     * @param method      how items were found: {@code feed}, {@code json}, {@code selectors}, {@code json-ld}, {@code microdata}, {@code none}
     * @param rendered    the pages were read through the browser
     */
    public record Read(boolean notModified, List<FoundItem> items, String etag, String lastModified, String method,
            int pagesRead, boolean rendered) {
        public Read(boolean notModified, List<FoundItem> items, String etag, String lastModified, String method,
                int pagesRead) {
            this(notModified, items, etag, lastModified, method, pagesRead, false);
        }
    }

    /** Reads the source; {@code etag}/{@code lastModified} make it a conditional GET of the first page. */
    public Read read(Source source, String etag, String lastModified)
            throws FetchException, FeedParseException, InterruptedException {
        robots.check(source.url());
        boolean feed = source.kind() == Source.Kind.feed;
        HttpFetcher.Response first = source.rendered() ? page(source, source.url())
                : fetcher.fetch(new HttpFetcher.Request(source.url(), etag, lastModified, accept(source.kind()), 0));
        if (first.notModified()) {
            return new Read(true, List.of(), etag, lastModified, source.kind().name(), 1);
        }
        requireOk(source.url(), first);
        if (source.kind() == Source.Kind.json) {
            return readJson(source, first);
        }
        if (feed) {
            return new Read(false, feeds.parse(first.body(), first.contentType(), first.url()), first.etag(),
                    first.lastModified(), "feed", 1);
        }
        List<FoundItem> items = new ArrayList<>();
        ExtractedPage page = pages.extract(first.body(), first.contentType(), first.url(), source.selectors());
        items.addAll(page.items());
        Set<String> seen = new HashSet<>(List.of(source.url(), first.url()));
        int read = 1;
        int limit = Math.min(source.pages(), maxPagesLimit);
        while (page.nextPage() != null && read < limit && seen.add(page.nextPage())) {
            Thread.sleep(pageDelay.toMillis());
            robots.check(page.nextPage());
            HttpFetcher.Response next = page(source, page.nextPage());
            page = pages.extract(next.body(), next.contentType(), next.url(), source.selectors());
            items.addAll(page.items());
            read++;
        }
        return new Read(false, items, first.etag(), first.lastModified(), page.method(), read, source.rendered());
    }

    /** A page through the browser (render: true) or the fetcher; either way a 200 with its body, or an error. */
    private HttpFetcher.Response page(Source source, String url) throws FetchException, InterruptedException {
        if (!source.rendered()) {
            HttpFetcher.Response r = fetcher.fetch(new HttpFetcher.Request(url, null, null, PAGE_ACCEPT, 0));
            requireOk(url, r);
            return r;
        }
        if (renderer == null) {
            throw new FetchException(FetchException.Kind.browser, "this reader has no browser for render: true");
        }
        String review = source.selectors() == null ? null : source.selectors().review();
        return renderer.render(url, review == null ? null : CatalogValidator.cssPart(review));
    }

    private static String accept(Source.Kind kind) {
        return kind == Source.Kind.feed ? FEED_ACCEPT : kind == Source.Kind.json ? JSON_ACCEPT : PAGE_ACCEPT;
    }

    /**
     * A json source: its items, then the next pages, by {@code json.next} (a URL on the document) or
     * {@code json.pageParam} (page 2, 3 … in the query), up to the page limit, each page as polite and capped as the first.
     */
    private Read readJson(Source source, HttpFetcher.Response first)
            throws FetchException, FeedParseException, InterruptedException {
        JsonExtractor.Page page = json.extract(first.body(), first.contentType(), first.url(), source.json());
        List<FoundItem> items = new ArrayList<>(page.items());
        Set<String> seen = new HashSet<>(List.of(source.url(), first.url()));
        int limit = Math.min(source.pages(), maxPagesLimit);
        int read = 1;
        while (read < limit && !page.items().isEmpty()) {
            String next = source.json().pageParam() != null ? withPage(source.url(), source.json().pageParam(), read + 1)
                    : page.nextPage();
            if (next == null || !seen.add(next)) {
                break;
            }
            Thread.sleep(pageDelay.toMillis());
            robots.check(next);
            HttpFetcher.Response r = fetcher.fetch(new HttpFetcher.Request(next, null, null, JSON_ACCEPT, 0));
            requireOk(next, r);
            page = json.extract(r.body(), r.contentType(), r.url(), source.json());
            items.addAll(page.items());
            read++;
        }
        return new Read(false, items, first.etag(), first.lastModified(), "json", read);
    }

    /** The URL with {@code param=n} in its query, replacing the parameter's value when it is there. */
    static String withPage(String url, String param, int n) {
        URI u = URI.create(url);
        String query = u.getRawQuery() == null ? "" : u.getRawQuery();
        StringBuilder q = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith(param + "=") && !pair.equals(param)) {
                q.append(q.length() == 0 ? "" : "&").append(pair);
            }
        }
        q.append(q.length() == 0 ? "" : "&").append(param).append('=').append(n);
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        return base + "?" + q;
    }

    private static void requireOk(String url, HttpFetcher.Response r) throws FetchException {
        if (r.status() == 429 || r.status() == 503) {
            throw new FetchException(FetchException.Kind.rate_limited, url + " answered HTTP " + r.status()
                    + (r.retryAfter() != null ? ", retry after " + r.retryAfter() : ""), r.retryAfter(), null);
        }
        if (r.status() != 200) {
            throw new FetchException(FetchException.Kind.http, url + " answered HTTP " + r.status());
        }
    }
}
