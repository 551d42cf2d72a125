package dev.earshot.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.ingest.IngestConfig;
import dev.earshot.ingest.extract.FeedParser;
import dev.earshot.ingest.support.HostileSite;
import dev.earshot.ingest.support.TestConfig;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the poller does against a real local server that misbehaves the way real sites do. */
class HttpFetcherTest {

    static HostileSite site;
    static IngestConfig config;
    static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        site = new HostileSite();
        config = TestConfig.ingest(Map.of("http.total-timeout", "1s", "http.read-timeout", "1s",
                "http.max-body-bytes", String.valueOf(1 << 20)));
        fetcher = new HttpFetcher(config.http(), new NetworkGuard(true, Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void conditionalGetGets304AndTheServerSawTheEtag() throws Exception {
        HttpFetcher.Response first = fetcher.fetch(HttpFetcher.Request.of(site.url("/etag/feed.rss")));
        assertEquals(200, first.status());
        assertEquals("\"v1\"", first.etag());
        assertTrue(site.lastUserAgent("/etag/feed.rss").startsWith("EarshotBot/"), "a descriptive User-Agent");
        HttpFetcher.Response again = fetcher.fetch(new HttpFetcher.Request(site.url("/etag/feed.rss"), first.etag(), null, null, 0));
        assertTrue(again.notModified());
        assertEquals("\"v1\"", site.lastIfNoneMatch("/etag/feed.rss"));
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() throws Exception {
        HttpFetcher.Response r = fetcher.fetch(HttpFetcher.Request.of(site.url("/limited/feed.rss")));
        assertEquals(429, r.status());
        assertTrue(r.retryAfter().isAfter(Instant.now().plusSeconds(110)), r.retryAfter().toString());
    }

    @Test
    void slowDripIsCutOffAtTheTotalTimeout() {
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(HttpFetcher.Request.of(site.url("/slow/feed.rss"))));
        assertEquals(FetchException.Kind.timeout, e.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3_000, "gave up after about 1 s");
        assertTrue(e.getMessage().contains("did not send its whole response within PT1S"), e.getMessage());
    }

    @Test
    void oneGibibyteBodyIsStreamedAndCutOffAtTheCapNeverHeld() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(HttpFetcher.Request.of(site.url("/huge/feed.rss"))));
        assertEquals(FetchException.Kind.too_large, e.kind());
        assertTrue(e.getMessage().endsWith("is larger than 1048576 bytes"), e.getMessage());
        assertTrue(site.hugeBytesSent() < HostileSite.ONE_GIB / 8,
                "the download stopped early: " + site.hugeBytesSent() + " bytes sent");
    }

    @Test
    void declaredHugeBodyIsRefusedBeforeReadingIt() {
        // The server declares 1 GiB, sends a few bytes and stalls: waiting for the body would end in a timeout.
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(HttpFetcher.Request.of(site.url("/huge-declared/feed.rss"))));
        assertEquals(FetchException.Kind.too_large, e.kind(), e.getMessage());
        assertTrue(e.getMessage().endsWith("declares a body of 1073741824 bytes, more than the 1048576 allowed"),
                e.getMessage());
        assertTrue(site.hugeDeclaredBytesSent() < 100, "the stalled body was never needed");
    }

    @Test
    void gzipBombIsStoppedAtTheCapAfterDecompression() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(HttpFetcher.Request.of(site.url("/bomb/feed.rss"))));
        assertEquals(FetchException.Kind.too_large, e.kind());
        assertTrue(e.getMessage().contains("once decompressed"), e.getMessage());
    }

    @Test
    void gzipBodyIsDecompressed() throws Exception {
        HttpFetcher.Response r = fetcher.fetch(HttpFetcher.Request.of(site.url("/gzip/feed.rss")));
        assertEquals(4, new FeedParser().parse(r.body(), r.contentType()).size());
    }

    @Test
    void redirectLoopEndsAtTheCap() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(HttpFetcher.Request.of(site.url("/loop/a"))));
        assertEquals(FetchException.Kind.redirects, e.kind());
        assertTrue(e.getMessage().contains("redirected more than 5 times"), e.getMessage());
        assertTrue(site.hits("/loop/a") + site.hits("/loop/b") <= 6);
    }

    @Test
    void ordinaryRedirectIsFollowed() throws Exception {
        HttpFetcher.Response r = fetcher.fetch(HttpFetcher.Request.of(site.url("/moved/feed.rss")));
        assertEquals(200, r.status());
        assertEquals(site.url("/files/feeds/coffee-reviews.rss"), r.url());
    }

    @Test
    void robotsTxtDisallowIsHonouredForEarshotBot() throws Exception {
        RobotsRules robots = new RobotsRules(fetcher, Duration.ofHours(1), true, Clock.systemUTC());
        FetchException e = assertThrows(FetchException.class, () -> robots.check(site.url("/private/feeds/coffee-reviews.rss")));
        assertEquals(FetchException.Kind.robots, e.kind());
        robots.check(site.url("/files/feeds/coffee-reviews.rss"));
        robots.check(site.url("/files/feeds/atom-1.0.xml"));
        assertEquals(1, site.hits("/robots.txt"), "robots.txt is read once and cached");
    }

    @Test
    void crawlDelayFromRobotsTxtSpacesRequestsToThatHost() throws Exception {
        try (HostileSite small = new HostileSite()) {
            small.route("/robots.txt", "/robots/crawl-delay.txt");
            HostLimiter hosts = new HostLimiter(Duration.ofSeconds(1), 2);
            RobotsRules robots = new RobotsRules(fetcher, Duration.ofHours(1), true, Clock.systemUTC(), hosts::crawlDelay);
            robots.check(small.url("/files/feeds/atom-1.0.xml"));
            Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
            assertTrue(hosts.tryAcquire("127.0.0.1", t0));
            hosts.release("127.0.0.1");
            assertFalse(hosts.tryAcquire("127.0.0.1", t0.plusSeconds(2)), "our own 1 s would allow it, the site asked for 5 s");
            assertTrue(hosts.tryAcquire("127.0.0.1", t0.plusSeconds(5)));
        }
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        NetworkGuard guard = new NetworkGuard(false, Duration.ofSeconds(5));
        for (String url : List.of("http://127.0.0.1/", "http://localhost:8080/feed", "http://10.1.2.3/", "http://192.168.0.10/",
                "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/",
                "http://100.64.0.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/")) {
            assertTrue(guard.refusal(URI.create(url)).isPresent(), url);
        }
        assertTrue(guard.refusal(URI.create("file:///etc/passwd")).orElseThrow().contains("only http and https"));
        assertTrue(guard.refusal(URI.create("http://93.184.216.34/feed")).isEmpty(), "a public address is fine");
        assertTrue(new NetworkGuard(true, Duration.ofSeconds(5)).refusal(URI.create("http://127.0.0.1/")).isEmpty());
    }

    @Test
    void guardedFetcherNeverSendsTheRequest() {
        HttpFetcher guarded = new HttpFetcher(config.http(), new NetworkGuard(false, Duration.ofSeconds(5)), Clock.systemUTC());
        FetchException e = assertThrows(FetchException.class,
                () -> guarded.fetch(HttpFetcher.Request.of(site.url("/files/feeds/atom-0.3.xml"))));
        assertEquals(FetchException.Kind.blocked, e.kind());
        assertTrue(e.getMessage().contains("EARSHOT_ALLOW_PRIVATE_NETWORKS=true"), e.getMessage());
        assertEquals(0, site.hits("/files/feeds/atom-0.3.xml"));
    }

    @Test
    void wrongCharsetServedOverHttpIsStillReadRight() throws Exception {
        HttpFetcher.Response r = fetcher.fetch(HttpFetcher.Request.of(site.url("/files/feeds/wrong-charset.rss")));
        assertArrayEquals(HttpFetcherTest.class.getResourceAsStream("/feeds/wrong-charset.rss").readAllBytes(), r.body());
        assertEquals("Northwind Café – never again", new FeedParser().parse(r.body(), r.contentType()).get(0).title());
    }

    @Test
    void theFetcherConnectsToTheAddressTheGuardCheckedNotToASecondAnswer() {
        // DNS rebinding: the first answer is public, every later one is the operator's own machine.
        AtomicInteger lookups = new AtomicInteger();
        NetworkGuard guard = new NetworkGuard(false, host -> new InetAddress[] {InetAddress.getByName(
                lookups.incrementAndGet() == 1 ? "192.0.2.1" : "127.0.0.1")}, Duration.ofSeconds(5));
        HttpFetcher rebinding = new HttpFetcher(TestConfig.ingest(Map.of("http.total-timeout", "2s",
                "http.connect-timeout", "1s")).http(), guard, Clock.systemUTC());
        String url = site.url("/files/feeds/rss-0.91.xml").replace("127.0.0.1", "localhost");
        assertThrows(FetchException.class, () -> rebinding.fetch(HttpFetcher.Request.of(url)),
                "the checked (public, unreachable here) address is the one tried");
        assertEquals(0, site.hits("/files/feeds/rss-0.91.xml"), "the second answer, 127.0.0.1, was never connected to");
        assertEquals(1, lookups.get(), "one look-up: the one that was checked");
    }

    @Test
    void theFetcherUsesTheGuardsLookUpForTheConnection() throws Exception {
        NetworkGuard guard = new NetworkGuard(true, host -> {
            if (!host.equals("feeds.example")) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        }, Duration.ofSeconds(5));
        HttpFetcher resolving = new HttpFetcher(config.http(), guard, Clock.systemUTC());
        HttpFetcher.Response r = resolving.fetch(HttpFetcher.Request.of(
                site.url("/files/feeds/rss-1.0.rdf").replace("127.0.0.1", "feeds.example")));
        assertEquals(200, r.status());
        assertEquals(1, site.hits("/files/feeds/rss-1.0.rdf"), "the name only the guard's resolver knows was reached");
    }

    @Test
    void aLookUpThatNeverAnswersEndsAtTheTotalTimeout() {
        NetworkGuard guard = new NetworkGuard(false, host -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[] {InetAddress.getByName("192.0.2.1")};
        }, Duration.ofSeconds(60));
        HttpFetcher slowDns = new HttpFetcher(config.http(), guard, Clock.systemUTC());
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class,
                () -> slowDns.fetch(HttpFetcher.Request.of("http://slow-dns.example/feed.rss")));
        assertEquals(FetchException.Kind.timeout, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("slow-dns.example"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "long before the look-up answered");
    }

    @Test
    void ipv6AddressesThatCarryAnInternalIpv4AddressAreInternal() throws Exception {
        for (String internal : List.of("64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::a00:1", "64:ff9b:1::a9fe:a9fe",
                "64:ff9b:1:a9fe:a9:fe00::", "::127.0.0.1", "::10.1.2.3", "::ffff:169.254.169.254", "2002:7f00:1::",
                "2002:a9fe:a9fe::1")) {
            assertTrue(NetworkGuard.isInternal(InetAddress.getByName(internal)), internal);
        }
        for (String external : List.of("64:ff9b::5db8:d822", "::ffff:93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946",
                "93.184.216.34")) {
            assertFalse(NetworkGuard.isInternal(InetAddress.getByName(external)), external);
        }
        NetworkGuard guard = new NetworkGuard(false, Duration.ofSeconds(5));
        for (String url : List.of("http://[64:ff9b::7f00:1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/latest/")) {
            assertTrue(guard.refusal(URI.create(url)).orElseThrow().contains("loopback, private or link-local"), url);
        }
    }
}
