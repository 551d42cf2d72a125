package dev.earshot.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A bundled review site on loopback: a list of reviews that grows as the demo runs, served as an
 * RSS feed ({@code /feed.xml}) and as a review page with schema.org markup ({@code /reviews}).
 */
public final class DemoSite implements AutoCloseable {

    private final HttpServer server;
    private final List<DemoReview> reviews;
    private final Instant startedAt;
    private final Clock clock;

    private DemoSite(HttpServer server, List<DemoReview> reviews, Clock clock) {
        this.server = server;
        this.reviews = reviews;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public static DemoSite start(int port, List<DemoReview> reviews) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            DemoSite site = new DemoSite(server, reviews, Clock.systemUTC());
            server.createContext("/feed.xml", site::feed);
            server.createContext("/reviews", site::page);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo site on port " + port, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The reviews published so far, newest first. */
    List<DemoReview> published() {
        long elapsed = clock.instant().getEpochSecond() - startedAt.getEpochSecond();
        return reviews.stream().filter(r -> r.offsetSeconds() <= elapsed)
                .sorted(Comparator.comparingInt(DemoReview::offsetSeconds).thenComparingInt(DemoReview::number)
                        .reversed())
                .toList();
    }

    private Instant publishedAt(DemoReview r) {
        return startedAt.plusSeconds(r.offsetSeconds());
    }

    private void feed(HttpExchange exchange) throws IOException {
        List<RssFeed.Item> items = published().stream().map(r -> new RssFeed.Item(r.title(),
                baseUrl() + "/reviews#review-" + r.number(), "citybites-demo-" + r.number(), r.author(),
                publishedAt(r), r.text())).toList();
        respond(exchange, "application/rss+xml; charset=utf-8", RssFeed.write(
                "CityBites — latest reviews (Earshot demo)", baseUrl() + "/reviews",
                "Reviews of cafés and bakeries, bundled with Earshot for the local demo", items));
    }

    private void page(HttpExchange exchange) throws IOException {
        StringBuilder items = new StringBuilder();
        for (DemoReview r : published()) {
            items.append("""
                    <article class="review" id="review-%d" itemscope itemtype="https://schema.org/Review">
                      <h2 itemprop="name">%s</h2>
                      <p class="meta">by <span itemprop="author">%s</span> ·
                        <span itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
                          <span itemprop="ratingValue">%d</span>/<span itemprop="bestRating">5</span></span> ·
                        <time itemprop="datePublished" datetime="%s">%s</time></p>
                      <p itemprop="reviewBody">%s</p>
                    </article>
                    """.formatted(r.number(), Html.escape(r.title()), Html.escape(r.author()), r.stars(),
                    publishedAt(r), publishedAt(r), Html.escape(r.text())));
        }
        String html = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CityBites reviews</title>
                <style>body{font-family:system-ui,sans-serif;max-width:720px;margin:2em auto}.meta{color:#666}</style>
                </head><body><h1>CityBites — latest reviews</h1>
                <p>Bundled with Earshot for the local demo. <a href="/feed.xml">RSS feed</a></p>
                %s</body></html>
                """.formatted(items);
        respond(exchange, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
