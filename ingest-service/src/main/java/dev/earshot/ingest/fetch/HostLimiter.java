package dev.earshot.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Politeness per host, however many sources it serves: at most {@code maxConcurrent} requests at
 * once, at least {@code minInterval} between the starts of two polls, and nothing at all before a
 * Retry-After the host asked for. Never blocks: the scheduler asks, and tries again on a later tick.
 */
public class HostLimiter {

    private static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(10);
    /**
     * A host left alone this long is forgotten (longer than any crawl delay, so forgetting changes
     * nothing; robots.txt tells its crawl delay again on the next poll): hosts of removed sources and
     * of followed links do not pile up.
     */
    static final Duration FORGET_IDLE = Duration.ofHours(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Duration minInterval;
    private final int maxConcurrent;
    private final Map<String, Slot> hosts = new HashMap<>();
    private Instant lastSweep = Instant.EPOCH;

    private static final class Slot {
        int active;
        Instant lastStart = Instant.EPOCH;
        Duration crawlDelay = Duration.ZERO;
        Instant nextStart = Instant.EPOCH;
        Instant pausedUntil = Instant.EPOCH;
    }

    public HostLimiter(Duration minInterval, int maxConcurrent) {
        this.minInterval = minInterval;
        this.maxConcurrent = Math.max(1, maxConcurrent);
    }

    public static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Takes a slot for a request to the host when politeness allows one now. */
    public synchronized boolean tryAcquire(String host, Instant now) {
        sweep(now);
        Slot s = hosts.computeIfAbsent(host, h -> new Slot());
        if (s.active >= maxConcurrent || now.isBefore(s.nextStart) || now.isBefore(s.pausedUntil)) {
            return false;
        }
        s.active++;
        s.lastStart = now;
        s.nextStart = now.plus(s.crawlDelay.compareTo(minInterval) > 0 ? s.crawlDelay : minInterval);
        return true;
    }

    public synchronized void release(String host) {
        Slot s = hosts.get(host);
        if (s != null && s.active > 0) {
            s.active--;
        }
    }

    /** The host answered 429/503 with Retry-After: no source on it is polled before {@code until}. */
    public synchronized void pause(String host, Instant until) {
        Slot s = hosts.computeIfAbsent(host, h -> new Slot());
        if (until.isAfter(s.pausedUntil)) {
            s.pausedUntil = until;
        }
    }

    /** The host's robots.txt asks for this much time between requests; honoured when longer than ours (capped at 10 min). */
    public synchronized void crawlDelay(String host, Duration delay) {
        Duration capped = delay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : delay;
        hosts.computeIfAbsent(host, h -> new Slot()).crawlDelay = capped.isNegative() ? Duration.ZERO : capped;
    }

    /** Forgets the hosts with nothing in flight, no pause ahead and no start for {@link #FORGET_IDLE}. */
    private void sweep(Instant now) {
        if (now.isBefore(lastSweep.plus(SWEEP_EVERY))) {
            return;
        }
        lastSweep = now;
        Instant idleSince = now.minus(FORGET_IDLE);
        hosts.values().removeIf(s -> {
            if (s.lastStart.equals(Instant.EPOCH)) {
                s.lastStart = now; // only told its crawl delay or pause so far: idle from now on
            }
            return s.active == 0 && s.lastStart.isBefore(idleSince) && !now.isBefore(s.pausedUntil)
                    && !now.isBefore(s.nextStart);
        });
    }

    /** Hosts remembered now. */
    public synchronized int size() {
        return hosts.size();
    }

    public synchronized Instant pausedUntil(String host) {
        Slot s = hosts.get(host);
        return s == null ? Instant.EPOCH : s.pausedUntil;
    }

    public Duration minInterval() {
        return minInterval;
    }
}
