package dev.earshot.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.earshot.ingest.IngestConfig;
import dev.earshot.ingest.extract.FoundItem;
import dev.earshot.ingest.fetch.FetchException;
import dev.earshot.ingest.fetch.HostLimiter;
import dev.earshot.ingest.fetch.HttpFetcher;
import dev.earshot.ingest.fetch.NetworkGuard;
import dev.earshot.ingest.fetch.PageRenderer;
import dev.earshot.ingest.fetch.RobotsRules;
import dev.earshot.ingest.source.Selectors;
import dev.earshot.ingest.source.Source;
import dev.earshot.ingest.support.TestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code render: true} against a hostile site: the reviews JavaScript inserts are read, and a page that never loads,
 * leads to an internal address or grows too big ends as a plain fetch would — within the timeout, refused, capped.
 * The fixtures are on 127.0.0.1, which the guard lets through here and nothing else internal: a trap server on
 * 127.0.0.2 counts what reached it. Needs Debian's chromium and chromium-driver (skipped, saying so, without them).
 */
class RenderedPagesTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Selectors REVIEWS = new Selectors("article.review", ".review-title", ".review-body",
            ".reviewer-name", null, null, null, null, null);
    /** The fetch's total timeout in these tests: the page-load timeout too. */
    private static final Duration TIMEOUT = Duration.ofSeconds(6);

    private static HttpServer site;
    private static HttpServer trap;
    private static final Map<String, AtomicInteger> trapHits = new ConcurrentHashMap<>();
    private static IngestConfig config;
    private static HttpFetcher fetcher;
    private static PageRenderer renderer;
    private static SourceReader reader;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "render: true tests need /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        site = server("127.0.0.1", RenderedPagesTest::serve);
        trap = server("127.0.0.2", ex -> {
            trapHits.computeIfAbsent(ex.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            send(ex, 200, "text/plain", "internal secret".getBytes(StandardCharsets.UTF_8));
        });
        config = TestConfig.ingest(Map.of("http.total-timeout", TIMEOUT.toSeconds() + "s", "http.read-timeout", "5s",
                "http.max-body-bytes", String.valueOf(1 << 20), "render.max-traffic-bytes", String.valueOf(4 << 20),
                "render.settle-time", "3s"));
        // Private networks refused, except the fixture server's own address.
        NetworkGuard guard = new NetworkGuard(false, Duration.ofSeconds(5)).except(InetAddress.getByName("127.0.0.1"));
        fetcher = new HttpFetcher(config.http(), guard, Clock.systemUTC());
        renderer = new PageRenderer(config.render(), config.http(), guard);
        reader = reader(renderer);
    }

    @AfterAll
    static void stop() {
        if (renderer != null) {
            renderer.close();
            fetcher.close();
            site.stop(0);
            trap.stop(0);
        }
    }

    @BeforeEach
    void clearTrap() {
        trapHits.clear();
    }

    private static SourceReader reader(PageRenderer renderer) {
        RobotsRules robots = new RobotsRules(fetcher, Duration.ofMinutes(5), true, Clock.systemUTC(),
                new HostLimiter(Duration.ZERO, 2)::crawlDelay);
        return new SourceReader(fetcher, renderer, robots, 10, Duration.ZERO);
    }

    private static Source page(String path, boolean render) {
        return new Source("northwind-quay", Source.Kind.page, url(path), "northwind", REVIEWS, null, null, render);
    }

    @Test
    void reviewsThatJavaScriptInsertsAreReadWithRenderAndMissedWithout() throws Exception {
        SourceReader.Read plain = reader.read(page("/files/js-reviews.html", false), null, null);
        assertEquals(List.of(), plain.items(), "the server's HTML has no review in it");

        SourceReader.Read rendered = reader.read(page("/files/js-reviews.html", true), null, null);
        assertTrue(rendered.rendered());
        assertEquals("selectors", rendered.method());
        assertEquals(List.of("Cold flat white", "Best croissant in town"),
                rendered.items().stream().map(FoundItem::title).toList());
        FoundItem first = rendered.items().get(0);
        assertEquals("Northwind Coffee on Quay Street served my flat white cold, twice.", first.text());
        assertEquals("Mara K.", first.author());
    }

    @Test
    void aPageThatNeverFinishesLoadingTimesOutWithinTheSourceTimeout() {
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> reader.read(page("/never-loads", true), null, null));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(FetchException.Kind.timeout, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("did not finish loading within " + TIMEOUT), e.getMessage());
        assertTrue(took.compareTo(TIMEOUT.plusSeconds(5)) < 0, "ended at the page-load timeout, took " + took);
    }

    @Test
    void anHttpRedirectToTheCloudMetadataAddressIsRefused() {
        FetchException e = assertThrows(FetchException.class,
                () -> reader.read(page("/redirect?to=http://169.254.169.254/latest/meta-data/", true), null, null));
        assertEquals(FetchException.Kind.blocked, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("169.254.169.254"), e.getMessage());
    }

    @Test
    void anHttpRedirectToAnotherInternalAddressIsRefusedAndNothingReachesIt() {
        FetchException e = assertThrows(FetchException.class,
                () -> reader.read(page("/redirect?to=" + trapUrl("/secret"), true), null, null));
        assertEquals(FetchException.Kind.blocked, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
        assertEquals(Map.of(), trapHits, "the internal server was never reached");
    }

    @Test
    void aJavaScriptRedirectToAnInternalAddressIsRefusedAndNothingReachesIt() {
        FetchException e = assertThrows(FetchException.class,
                () -> reader.read(page("/files/js-to-internal.html", true), null, null));
        assertEquals(FetchException.Kind.blocked, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
        assertEquals(Map.of(), trapHits, "the internal server was never reached");
    }

    @Test
    void subResourcesOnInternalAddressesAreNotFetchedAndThePageIsStillRead() throws Exception {
        SourceReader.Read read = reader.read(page("/files/subresources-to-internal.html", true), null, null);
        assertEquals(List.of("Northwind Coffee: the beans are great, the service is slow."),
                read.items().stream().map(FoundItem::text).toList());
        assertEquals(Map.of(), trapHits, "no script, style, XHR or image request reached the internal server");
    }

    @Test
    void aRenderedDomLargerThanTheBodyCapIsRefused() {
        FetchException e = assertThrows(FetchException.class,
                () -> reader.read(page("/files/huge-dom.html", true), null, null));
        assertEquals(FetchException.Kind.too_large, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("rendered to more than " + (1 << 20)), e.getMessage());
    }

    @Test
    void aPageThatDownloadsMoreThanTheTrafficCapIsCutOff() {
        FetchException e = assertThrows(FetchException.class,
                () -> reader.read(page("/files/heavy-script.html", true), null, null));
        assertEquals(FetchException.Kind.too_large, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("more than " + (4 << 20) + " bytes"), e.getMessage());
        assertTrue(heavyBytesSent.get() < 16L << 20, "cut off near the cap, not read to the end: " + heavyBytesSent.get());
    }

    @Test
    void robotsTxtIsHonouredBeforeTheBrowserIsAsked() {
        FetchException e = assertThrows(FetchException.class,
                () -> reader.read(page("/private/reviews.html", true), null, null));
        assertEquals(FetchException.Kind.robots, e.kind(), e.getMessage());
    }

    @Test
    void withoutChromiumARenderedSourceFailsClearlyAndTheRestGoesOn() throws Exception {
        IngestConfig missing = TestConfig.ingest(Map.of("render.chromium", "/nonexistent/chromium"));
        try (PageRenderer none = new PageRenderer(missing.render(), missing.http(),
                new NetworkGuard(true, Duration.ofSeconds(5)))) {
            SourceReader without = reader(none);
            FetchException e = assertThrows(FetchException.class,
                    () -> without.read(page("/files/js-reviews.html", true), null, null));
            assertEquals(FetchException.Kind.browser, e.kind());
            assertTrue(e.getMessage().contains("/nonexistent/chromium is not there"), e.getMessage());
            assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage());
            assertEquals(FetchException.Kind.browser, assertThrows(FetchException.class,
                    () -> without.read(page("/files/js-reviews.html", true), null, null)).kind(), "and again next time");
            assertEquals(List.of(), without.read(page("/files/js-reviews.html", false), null, null).items(),
                    "a plain page is still read");
        }
    }

    // --- the fixture site

    private static final java.util.concurrent.atomic.AtomicLong heavyBytesSent = new java.util.concurrent.atomic.AtomicLong();

    private static void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery();
        switch (path) {
            case "/robots.txt" -> send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
            case "/api/reviews.json" -> send(ex, 200, "application/json", resource("reviews.json"));
            case "/redirect" -> {
                ex.getResponseHeaders().set("Location", query.substring("to=".length()));
                ex.sendResponseHeaders(302, -1);
                ex.close();
            }
            case "/never-loads" -> { // the headers and the start of the page, then nothing, ever
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                out.write("<!DOCTYPE html><html><body><article class=\"review\"><p class=\"review-body\">Northwind"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
            }
            case "/heavy.js" -> { // 64 MiB of script, streamed
                ex.getResponseHeaders().set("Content-Type", "application/javascript");
                ex.sendResponseHeaders(200, 64L << 20);
                byte[] chunk = ("//" + "x".repeat(1021) + "\n").getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 64 * 1024; i++) {
                        out.write(chunk);
                        heavyBytesSent.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    // the proxy cut it off
                }
                ex.close();
            }
            default -> {
                if (path.startsWith("/files/")) {
                    String name = path.substring("/files/".length());
                    byte[] body = resource(name);
                    if (body == null) {
                        send(ex, 404, "text/plain", new byte[0]);
                    } else {
                        send(ex, 200, "text/html; charset=utf-8", new String(body, StandardCharsets.UTF_8)
                                .replace("TRAP", "127.0.0.2:" + trap.getAddress().getPort()).getBytes(StandardCharsets.UTF_8));
                    }
                } else {
                    send(ex, 404, "text/plain", new byte[0]);
                }
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RenderedPagesTest.class.getResourceAsStream("/pages/rendered/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private static String trapUrl(String path) {
        return "http://127.0.0.2:" + trap.getAddress().getPort() + path;
    }

    private static HttpServer server(String address, com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(address, 0), 0);
        s.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "render-fixtures");
            t.setDaemon(true);
            return t;
        }));
        s.createContext("/", handler);
        s.start();
        return s;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
