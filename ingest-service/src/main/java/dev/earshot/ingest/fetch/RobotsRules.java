package dev.earshot.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Honours robots.txt (RFC 9309, parsed by crawler-commons) for Earshot's robot name, cached per
 * site. A missing robots.txt (4xx) allows everything; a server error or an unreachable one
 * disallows for now, as the RFC asks, and is asked again on a later poll.
 */
public class RobotsRules {

    /** The product token site owners write in robots.txt to address Earshot. */
    public static final String ROBOT_NAME = "earshotbot";

    private static final long MAX_ROBOTS_BYTES = 512 * 1024;
    private static final Duration RETRY_FAILED = Duration.ofMinutes(5);
    /** Sites whose rules are kept at most; beyond, expired ones go first, then any (they are read again when needed). */
    static final int MAX_SITES = 10_000;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final HttpFetcher fetcher;
    private final BiConsumer<String, Duration> crawlDelays;
    private final Duration ttl;
    private final Clock clock;
    private final boolean enabled;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.EPOCH;

    private record Cached(BaseRobotRules rules, Instant until) {
    }

    public RobotsRules(HttpFetcher fetcher, Duration ttl, boolean enabled, Clock clock) {
        this(fetcher, ttl, enabled, clock, (host, delay) -> {
        });
    }

    /** @param crawlDelays told each host's Crawl-delay, so the host limiter spaces requests as asked */
    public RobotsRules(HttpFetcher fetcher, Duration ttl, boolean enabled, Clock clock,
            BiConsumer<String, Duration> crawlDelays) {
        this.crawlDelays = crawlDelays;
        this.fetcher = fetcher;
        this.ttl = ttl;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** @throws FetchException of kind {@code robots} when robots.txt forbids the URL */
    public void check(String url) throws FetchException, InterruptedException {
        if (!enabled) {
            return;
        }
        URI uri = URI.create(url);
        String site = uri.getScheme() + "://" + uri.getRawAuthority();
        Cached cached = cache.get(site);
        if (cached == null || clock.instant().isAfter(cached.until())) {
            sweep(clock.instant());
            cached = load(site);
            cache.put(site, cached);
        }
        long delayMs = cached.rules().getCrawlDelay();
        if (delayMs > 0) { // on every check: the host limiter may have forgotten an idle host
            crawlDelays.accept(HostLimiter.hostOf(url), Duration.ofMillis(delayMs));
        }
        if (!cached.rules().isAllowed(url)) {
            throw new FetchException(FetchException.Kind.robots, site + "/robots.txt does not allow " + ROBOT_NAME + " to read " + url);
        }
    }

    /** Drops expired rules (at most once a minute), and any beyond {@link #MAX_SITES}. */
    private void sweep(Instant now) {
        if (cache.size() < MAX_SITES && now.isBefore(lastSweep.plus(SWEEP_EVERY))) {
            return;
        }
        lastSweep = now;
        cache.values().removeIf(c -> now.isAfter(c.until()));
        var it = cache.keySet().iterator();
        while (cache.size() >= MAX_SITES && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** Sites whose rules are cached now. */
    int size() {
        return cache.size();
    }

    private Cached load(String site) throws InterruptedException {
        String robotsUrl = site + "/robots.txt";
        try {
            HttpFetcher.Response r = fetcher.fetch(new HttpFetcher.Request(robotsUrl, null, null, "text/plain", MAX_ROBOTS_BYTES));
            if (r.status() == 200) {
                return new Cached(parser.parseContent(robotsUrl, r.body(), r.contentType(), List.of(ROBOT_NAME)),
                        clock.instant().plus(ttl));
            }
            boolean serverError = r.status() >= 500;
            return new Cached(parser.failedFetch(r.status()), clock.instant().plus(serverError ? RETRY_FAILED : ttl));
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.blocked) {
                return new Cached(parser.failedFetch(403), clock.instant().plus(RETRY_FAILED));
            }
            return new Cached(parser.failedFetch(503), clock.instant().plus(RETRY_FAILED));
        }
    }
}
