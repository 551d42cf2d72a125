package dev.earshot.ingest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A local web server with the behaviours a poller meets in the wild: saved fixture files under
 * {@code /files/...}, conditional GET, 429 with Retry-After, a slow drip, a 1 GiB body, a declared 1 GiB body that stalls, a gzip
 * bomb, a redirect loop, robots.txt rules, and switchable responses. Counts every request per path.
 */
public final class HostileSite implements AutoCloseable {

    /** Bytes of the streamed huge body: 1 GiB. */
    public static final long ONE_GIB = 1L << 30;

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> lastIfNoneMatch = new ConcurrentHashMap<>();
    private final Map<String, String> lastUserAgent = new ConcurrentHashMap<>();
    private final Map<String, String> lastAuthorization = new ConcurrentHashMap<>();
    /** Path → fixture served there instead (for switching a page's content between polls). */
    private final Map<String, String> routes = new ConcurrentHashMap<>();
    /** Path → generated body (RSS) served there. */
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    /** Path → status answered instead of content. */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicLong hugeBytesSent = new AtomicLong();
    private final AtomicLong hugeDeclaredBytesSent = new AtomicLong();
    /**
     * Built once when the class loads, not on the first request: compressing 64 MiB takes a while on a
     * busy machine, and inside a request it would count against the client's timeout.
     */
    private static final byte[] GZIP_BOMB = gzipBomb();

    public HostileSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-site");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public Map<String, AtomicInteger> allHits() {
        return hits;
    }

    public String lastIfNoneMatch(String path) {
        return lastIfNoneMatch.get(path);
    }

    /** The Authorization header of the last request to {@code path}, or null when it had none. */
    public String lastAuthorization(String path) {
        return lastAuthorization.get(path);
    }

    public String lastUserAgent(String path) {
        return lastUserAgent.get(path);
    }

    public long hugeBytesSent() {
        return hugeBytesSent.get();
    }

    /** Bytes of body the declared-huge path sent before it stalled (it never sends more). */
    public long hugeDeclaredBytesSent() {
        return hugeDeclaredBytesSent.get();
    }

    /** Serves the fixture {@code resource} at {@code path} from now on. */
    public void route(String path, String resource) {
        routes.put(path, resource);
    }

    /** Serves {@code rss} (a feed the test built) at {@code path} from now on. */
    public void serveFeed(String path, String rss) {
        bodies.put(path, rss.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Answers {@code status} at {@code path} from now on; 0 = back to normal. */
    public void fail(String path, int status) {
        if (status == 0) {
            failures.remove(path);
        } else {
            failures.put(path, status);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery();
        String key = query == null ? path : path + "?" + query;
        hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if (inm != null) {
            lastIfNoneMatch.put(key, inm);
        }
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            lastAuthorization.put(key, authorization);
        } else {
            lastAuthorization.remove(key);
        }
        String ua = ex.getRequestHeaders().getFirst("User-Agent");
        if (ua != null) {
            lastUserAgent.put(key, ua);
        }
        try (ex) {
            Integer failure = failures.get(key);
            if (failure != null) {
                send(ex, failure, "text/plain", ("failing on purpose: " + failure).getBytes());
                return;
            }
            if (bodies.containsKey(key)) {
                send(ex, 200, "application/rss+xml; charset=utf-8", bodies.get(key));
                return;
            }
            if (routes.containsKey(key)) {
                serveResource(ex, routes.get(key), null);
                return;
            }
            switch (path) {
                case "/robots.txt" -> send(ex, 200, "text/plain",
                        "User-agent: *\nDisallow: /admin/\n\nUser-agent: earshotbot\nDisallow: /private/\n".getBytes());
                case "/etag/feed.rss" -> serveResource(ex, "/feeds/coffee-reviews.rss", "\"v1\"");
                case "/limited/feed.rss" -> {
                    ex.getResponseHeaders().add("Retry-After", "120");
                    send(ex, 429, "text/plain", "slow down".getBytes());
                }
                case "/slow/feed.rss" -> drip(ex);
                case "/huge/feed.rss" -> huge(ex, false);
                case "/huge-declared/feed.rss" -> declaredHugeThenStall(ex);
                case "/bomb/feed.rss" -> {
                    ex.getResponseHeaders().add("Content-Encoding", "gzip");
                    send(ex, 200, "application/rss+xml", GZIP_BOMB);
                }
                case "/gzip/feed.rss" -> {
                    ex.getResponseHeaders().add("Content-Encoding", "gzip");
                    send(ex, 200, "application/rss+xml; charset=utf-8", gzip(resource("/feeds/coffee-reviews.rss")));
                }
                case "/loop/a" -> redirect(ex, "/loop/b");
                case "/loop/b" -> redirect(ex, "/loop/a");
                case "/moved/feed.rss" -> redirect(ex, "/files/feeds/coffee-reviews.rss");
                case "/places/northwind-quay/reviews" -> serveResource(ex, "/pages/reviews-page-"
                        + (query != null && query.startsWith("page=") ? query.substring(5) : "1") + ".html", null);
                default -> {
                    if (path.startsWith("/files/") || path.startsWith("/private/") || path.matches("/s/\\d+/.*")) {
                        String name = path.replaceFirst("^/(files|private|s/\\d+)", "");
                        serveResource(ex, name, null);
                    } else {
                        send(ex, 404, "text/plain", "not found".getBytes());
                    }
                }
            }
        } catch (IOException e) {
            // the client hung up: that is what a size cap or a timeout does
        }
    }

    private void serveResource(HttpExchange ex, String resource, String etag) throws IOException {
        String name = resource;
        byte[] body = resource(name);
        if (body == null) {
            send(ex, 404, "text/plain", "not found".getBytes());
            return;
        }
        if (etag != null) {
            ex.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
        }
        String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.contains("wrong-charset") ? "application/rss+xml; charset=utf-8" : "application/xml";
        send(ex, 200, type, body);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileSite.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(302, -1);
    }

    /** Headers at once, then one byte every 200 ms, for a minute. */
    private static void drip(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (int i = 0; i < 300; i++) {
            out.write('<');
            out.flush();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** 1 GiB of feed-looking bytes, streamed (chunked, or with its Content-Length) until the client hangs up. */
    private void huge(HttpExchange ex, boolean declareLength) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, declareLength ? ONE_GIB : 0);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        OutputStream out = ex.getResponseBody();
        for (long sent = 0; sent < ONE_GIB; sent += chunk.length) {
            out.write(chunk);
            hugeBytesSent.addAndGet(chunk.length);
        }
    }

    /**
     * Declares a 1 GiB body, sends a few bytes and then nothing for a minute: only a client that
     * believes the Content-Length refuses it at once; one that waits for the body times out.
     */
    private void declaredHugeThenStall(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, ONE_GIB);
        OutputStream out = ex.getResponseBody();
        out.write("<?xml version=\"1.0\"?><rss>".getBytes());
        out.flush();
        hugeDeclaredBytesSent.addAndGet(26);
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] gzipBomb() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) { // 64 MiB of zeros → about 64 KiB on the wire
                gz.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
