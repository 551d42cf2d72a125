package dev.earshot.ingest.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.support.TestConfig;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale benchmark (not a test): one ingest replica, 1,000 RSS feeds on a local server spread over
 * 100 host names (127.0.0.1 … 127.0.0.100, so per-host politeness applies as it would on the
 * internet), a one-minute cadence, the real embedded broker — all in this one JVM, which the
 * command runs with {@code -Xmx256m}. Odd feeds get a new review every minute; even feeds every
 * five minutes, answering conditional GETs with 304 in between; a tenth of the reviews are about
 * the watched brand.
 *
 * <p>Prints per minute: polls, sources polled at least once, the longest gap between two polls of
 * one source, poll duration percentiles, mentions published, and heap used after a full GC.
 * Run: {@code ./mvnw -o -q -pl ingest-service -Pscale-benchmark test-compile exec:exec [-Dbench.minutes=5]}.
 */
public final class ScaleBenchmark {

    static final int FEEDS = 1000;
    static final int HOSTS = 100;
    static final int ITEMS_PER_FEED = 20;

    private final Map<Integer, List<Instant>> requests = new ConcurrentHashMap<>();
    private final AtomicLong notModified = new AtomicLong();
    private final Instant started = Instant.now();

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        new ScaleBenchmark().run(minutes);
        System.exit(0);
    }

    void run(int minutes) throws Exception {
        System.out.printf("Scale benchmark: %d feeds on %d hosts, 1-minute cadence, %d minute(s), max heap %d MiB, %d CPU(s)%n",
                FEEDS, HOSTS, minutes, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::serve);
        server.start();
        int port = server.getAddress().getPort();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopics(6, Topics.MENTIONS, Topics.MONITORS);
            StringBuilder catalog = new StringBuilder("""
                    brands:
                      - id: northwind
                        name: Northwind Coffee
                        terms: ["Northwind Coffee", "Northwind"]
                    sources:
                    """);
            for (int i = 0; i < FEEDS; i++) {
                catalog.append("  - id: feed-").append(i).append("\n    kind: feed\n    url: http://127.0.0.")
                        .append(1 + i % HOSTS).append(':').append(port).append("/feed/").append(i).append(".rss\n");
            }
            Path file = Files.createTempFile("bench-catalog-", ".yaml");
            Files.writeString(file, catalog);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Ingest ingest = new Ingest(TestConfig.ingest(Map.of("catalog-file", file.toString(),
                    "allow-private-networks", "true", "poll-interval", "60s", "robots.enabled", "true")),
                    broker.bootstrapServers(), "bench", Clock.systemUTC(), registry).start()) {
                ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
                ticker.scheduleWithFixedDelay(ingest.scheduler::tick, 0, 1, TimeUnit.SECONDS); // as PollTicker does
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                long maxHeapAfterGc = 0;
                for (int m = 1; m <= minutes; m++) {
                    Thread.sleep(60_000);
                    System.gc();
                    long used = memory.getHeapMemoryUsage().getUsed();
                    maxHeapAfterGc = Math.max(maxHeapAfterGc, used);
                    report(m, registry, used);
                }
                ticker.shutdownNow();
                System.out.printf("RESULT heap used after GC, max: %d MiB of %d MiB; published mentions known: %d%n",
                        maxHeapAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20, ingest.published.size());
            }
        } finally {
            server.stop(0);
        }
    }

    private void report(int minute, SimpleMeterRegistry registry, long heapUsed) {
        Instant end = Instant.now();
        Instant from = end.minusSeconds(60);
        long polls = 0;
        int covered = 0;
        long maxGapMs = 0;
        for (List<Instant> times : requests.values()) {
            List<Instant> snapshot;
            synchronized (times) {
                snapshot = new ArrayList<>(times);
            }
            long inWindow = snapshot.stream().filter(t -> t.isAfter(from)).count();
            polls += inWindow;
            if (inWindow > 0) {
                covered++;
            }
            for (int i = 1; i < snapshot.size(); i++) {
                maxGapMs = Math.max(maxGapMs, Duration.between(snapshot.get(i - 1), snapshot.get(i)).toMillis());
            }
        }
        double p50 = 0;
        double p99 = 0;
        double max = 0;
        long count = 0;
        for (Timer t : registry.find("earshot.ingest.polls").timers()) {
            count += t.count();
            max = Math.max(max, t.max(TimeUnit.MILLISECONDS));
        }
        double published = registry.find("earshot.ingest.mentions.published").counters().stream().mapToDouble(c -> c.count()).sum();
        double errors = registry.find("earshot.ingest.poll.errors").counters().stream().mapToDouble(c -> c.count()).sum();
        Map<String, Double> errorKinds = new java.util.TreeMap<>();
        registry.find("earshot.ingest.poll.errors").counters()
                .forEach(c -> errorKinds.merge(c.getId().getTag("kind"), c.count(), Double::sum));
        System.out.printf(Locale.ROOT,
                "minute %d: %d feed requests (%d answered 304), %d/%d sources polled in the last 60 s, longest gap between two polls of one source %.1f s, "
                        + "polls so far %d, slowest poll %.0f ms, errors %.0f %s, mentions published so far %.0f, heap after GC %d MiB%n",
                minute, polls, notModified.getAndSet(0), covered, FEEDS, maxGapMs / 1000.0, count, max, errors, errorKinds, published,
                heapUsed >> 20);
    }

    /** {@code /feed/<n>.rss}: 20 items; a new one each minute (odd feeds) or 5 minutes (even feeds, which answer 304). */
    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!path.startsWith("/feed/")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int n = Integer.parseInt(path.substring(6, path.indexOf('.')));
            requests.computeIfAbsent(n, k -> new ArrayList<>());
            List<Instant> times = requests.get(n);
            synchronized (times) {
                times.add(Instant.now());
            }
            // Odd feeds get a new review every minute; even ones every 5 minutes, and answer 304 in between.
            long generation = Duration.between(started, Instant.now()).toMinutes() / (n % 2 == 0 ? 5 : 1);
            String etag = "\"" + n + "-" + generation + "\"";
            if (n % 2 == 0 && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = feed(n, generation).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            if (n % 2 == 0) {
                ex.getResponseHeaders().add("ETag", etag);
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    private static String feed(int n, long generation) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Reviews ")
                .append(n).append("</title><link>http://reviews.example/").append(n).append("</link><description>d</description>");
        for (long i = generation + ITEMS_PER_FEED; i > generation; i--) {
            boolean aboutBrand = (i + n) % 10 == 0;
            xml.append("<item><title>Review ").append(i).append("</title><guid isPermaLink=\"false\">r-").append(n).append('-').append(i)
                    .append("</guid><link>http://reviews.example/").append(n).append("/r/").append(i).append("</link>")
                    .append("<pubDate>Sun, 22 Nov 2026 08:14:00 GMT</pubDate><description><![CDATA[<p>")
                    .append(aboutBrand ? "Waited forever at Northwind Coffee and the latte was cold. Never again."
                            : "Lovely pastries and a friendly team, will come back next week with friends.")
                    .append(" Some more words so the item is the size of a real review, about the service, the prices, the wait.</p>]]>")
                    .append("</description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}
