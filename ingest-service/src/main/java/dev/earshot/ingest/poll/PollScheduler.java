package dev.earshot.ingest.poll;

import dev.earshot.events.Mention;
import dev.earshot.events.MonitorEvent;
import dev.earshot.ingest.IngestConfig;
import dev.earshot.ingest.extract.FeedParseException;
import dev.earshot.ingest.publish.MentionPublisher;
import dev.earshot.ingest.publish.MonitorPublisher;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.CatalogStore;
import dev.earshot.ingest.source.Source;
import dev.earshot.ingest.source.UrlSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The poll loop. Each {@link #tick} starts the polls that are due, on sources this replica owns,
 * on hosts that politeness allows now; a poll publishes what is new and waits for Kafka's ack
 * before it moves the source's cursor. Errors back off exponentially with jitter, Retry-After
 * pauses the whole host, and N failures in a row (or a page that suddenly yields nothing) raise
 * a monitor event. One failing source never stops the others.
 */
public final class PollScheduler implements AutoCloseable, SourceOwnership.Hooks {

    private final CatalogStore catalog;
    private final SourcePoller poller;
    private final MentionPublisher publisher;
    private final MonitorPublisher monitors;
    private final HostLimiter hosts;
    private final Predicate<String> owns;
    private final Runnable catchUp;
    private final ToIntFunction partitionOf;
    private final IngestConfig.Poll config;
    private final Duration interval;
    private final Clock clock;
    private final PollMetrics metrics;
    private final Map<String, SourceState> states = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    /** Which shard a source is in, for finishing polls of shards given up. */
    public interface ToIntFunction {
        int partitionOf(String sourceId);
    }

    public PollScheduler(CatalogStore catalog, SourcePoller poller, MentionPublisher publisher, MonitorPublisher monitors,
            HostLimiter hosts, Predicate<String> owns, ToIntFunction partitionOf, Runnable catchUp,
            IngestConfig.Poll config, Duration interval, Clock clock, MeterRegistry registry) {
        this.catalog = catalog;
        this.poller = poller;
        this.publisher = publisher;
        this.monitors = monitors;
        this.hosts = hosts;
        this.owns = owns;
        this.partitionOf = partitionOf;
        this.catchUp = catchUp;
        this.config = config;
        this.interval = interval;
        this.clock = clock;
        this.metrics = new PollMetrics(registry);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.workers()), r -> {
            Thread t = new Thread(r, "earshot-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts every poll that is due now; returns how many it started. Never blocks on the network. */
    public int tick() {
        Catalog c = catalog.current();
        Instant now = clock.instant();
        states.keySet().removeIf(id -> c.source(id).isEmpty());
        int started = 0;
        List<Source> due = c.sources().stream().filter(s -> owns.test(s.id()))
                .sorted(Comparator.comparing(s -> state(s).nextPollAt)).toList();
        for (Source source : due) {
            SourceState state = state(source);
            synchronized (state) {
                if (state.inFlight || now.isBefore(state.nextPollAt)) {
                    continue;
                }
                String host = HostLimiter.hostOf(source.url());
                if (!hosts.tryAcquire(host, now)) {
                    continue;
                }
                state.inFlight = true;
                state.url = source.url();
                try {
                    workers.execute(() -> {
                        try {
                            pollOne(source, state, c);
                        } finally {
                            hosts.release(host);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    state.inFlight = false; // shutting down
                    hosts.release(host);
                    return started;
                }
                started++;
            }
        }
        return started;
    }

    /** Polls one source now in the calling thread, whatever its schedule (for tests and operators). */
    public Optional<SourceStatus> pollNow(String sourceId) {
        Catalog c = catalog.current();
        Optional<Source> source = c.source(sourceId);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        SourceState state = state(source.get());
        synchronized (state) {
            while (state.inFlight) {
                try {
                    state.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            state.inFlight = true;
            state.url = source.get().url();
        }
        pollOne(source.get(), state, c);
        return status(sourceId);
    }

    /** Polls every source this replica owns, one after the other, in the calling thread. */
    public void pollAllNow() {
        for (Source s : catalog.current().sources()) {
            if (owns.test(s.id())) {
                pollNow(s.id());
            }
        }
    }

    public Optional<SourceStatus> status(String sourceId) {
        Catalog c = catalog.current();
        return c.source(sourceId).map(s -> {
            SourceState st = states.get(sourceId);
            if (st == null) {
                st = new SourceState();
                st.url = s.url();
            }
            return st.status(sourceId, owns.test(sourceId));
        });
    }

    /** Sources whose last monitor event is {@code failing} or {@code silent}, with what is wrong. */
    public Map<String, String> broken() {
        Map<String, String> out = new java.util.TreeMap<>();
        states.forEach((id, s) -> {
            synchronized (s) {
                if (s.reported != null) {
                    out.put(id, s.reported + ": " + (s.lastError == null ? "" : s.lastError));
                }
            }
        });
        return out;
    }

    private SourceState state(Source source) {
        SourceState s = states.computeIfAbsent(source.id(), id -> {
            SourceState fresh = new SourceState();
            fresh.url = source.url();
            return fresh;
        });
        metrics.watch(source.id(), s);
        return s;
    }

    void pollOne(Source source, SourceState state, Catalog c) {
        Timer.Sample sample = metrics.start();
        Instant started = clock.instant();
        String etag;
        String lastModified;
        synchronized (state) {
            // The cursor means "nothing new for these brands at this address": after the source moved, or the
            // brands changed over the API, read everything once so old reviews are matched against new brands.
            boolean cursorValid = source.url().equals(state.cursorUrl) && c.brands().equals(state.cursorBrands);
            etag = cursorValid ? state.etag : null;
            lastModified = cursorValid ? state.lastModified : null;
        }
        String outcome;
        MonitorEvent event;
        try {
            SourcePoller.Read read = poller.read(source, etag, lastModified);
            int found = 0;
            int published = 0;
            if (!read.notModified()) {
                List<Mention> mentions = poller.toMentions(source, read.items(), c, clock.instant());
                found = mentions.size();
                published = publisher.publishNew(mentions); // returns after Kafka's acks, or throws
                if (published > 0) {
                    Log.infof("Source %s: %d item(s), %d about a brand, %d new mention(s) published", source.id(),
                            read.items().size(), found, published);
                }
            }
            metrics.found(source.id(), found, published);
            outcome = read.notModified() ? "not_modified" : "ok";
            event = succeeded(source, state, read, published, started, c);
        } catch (FetchException e) {
            outcome = "error";
            event = failed(source, state, e.kind(), e.getMessage(), e.retryAfter());
        } catch (FeedParseException e) {
            outcome = "error";
            event = failed(source, state, FetchException.Kind.unreadable, e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "error";
            event = failed(source, state, FetchException.Kind.network, "interrupted", null);
        } catch (RuntimeException e) {
            // Kafka did not acknowledge: the cursor stays, so the next poll reads and publishes again.
            outcome = "error";
            event = failed(source, state, FetchException.Kind.publish, "publishing to Kafka failed: " + e.getMessage(), null);
        } finally {
            synchronized (state) {
                state.lastPollAt = started;
                state.inFlight = false;
                state.notifyAll();
            }
        }
        metrics.polled(source.id(), outcome, sample);
        if (event != null) {
            try {
                monitors.publish(event);
                Log.warnf("Source %s is %s: %s", source.id(), event.status().name().toLowerCase(), event.lastError());
            } catch (RuntimeException e) {
                Log.errorf("Could not publish the %s event of source %s: %s", event.status(), source.id(), e.getMessage());
            }
        }
    }

    private MonitorEvent succeeded(Source source, SourceState s, SourcePoller.Read read, int published, Instant started,
            Catalog c) {
        Instant now = clock.instant();
        synchronized (s) {
            s.etag = read.etag(); // the cursor moves only now, after the publish was acknowledged
            s.lastModified = read.lastModified();
            s.cursorUrl = source.url();
            s.cursorBrands = c.brands();
            s.outcome = read.notModified() ? "not-modified" : "ok";
            s.errorKind = null;
            s.consecutiveFailures = 0;
            s.lastSuccessAt = now;
            // From the poll's start and only ever earlier, so a source is read at least once per interval;
            // the spread keeps sources added together from staying in lockstep.
            s.nextPollAt = started.plus(interval).minus(jittered(interval.dividedBy(20), 1.0)); // 0-10 % early
            if (!read.notModified()) {
                s.items = read.items().size();
                s.newMentions = published;
            } else {
                s.newMentions = 0;
            }
            boolean page = source.kind() == Source.Kind.page;
            if (!read.notModified() && page && read.items().isEmpty() && s.lastNonEmptyItems > 0) {
                if (!"silent".equals(s.reported)) {
                    s.lastError = "the page answers, but " + (source.selectors() != null ? "its selectors match"
                            : "its schema.org markup holds") + " no review any more (" + s.lastNonEmptyItems + " before)";
                    s.reported = "silent";
                    return event(source, s, MonitorEvent.Status.SILENT, now);
                }
                return null;
            }
            if (!read.items().isEmpty()) {
                s.lastNonEmptyItems = read.items().size();
            }
            if (s.reported != null && !(read.notModified() && "silent".equals(s.reported))) {
                s.reported = null;
                s.lastError = null;
                return event(source, s, MonitorEvent.Status.RECOVERED, now);
            }
            s.lastError = null;
            return null;
        }
    }

    private MonitorEvent failed(Source source, SourceState s, FetchException.Kind kind, String error, Instant retryAfter) {
        metrics.error(source.id(), kind);
        // Errors quote addresses; what a feed URL carries as credentials is not for logs, status, health or events.
        String message = UrlSecrets.hideIn(error);
        Instant now = clock.instant();
        if (retryAfter != null) {
            hosts.pause(HostLimiter.hostOf(source.url()), retryAfter);
        }
        synchronized (s) {
            s.outcome = "error";
            s.errorKind = kind.name();
            s.lastError = message;
            s.newMentions = 0;
            s.consecutiveFailures++;
            Duration base = interval.multipliedBy(1L << Math.min(s.consecutiveFailures - 1, 16));
            Duration capped = base.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : base;
            // Backing off never means polling more often than the cadence, whatever max-backoff says.
            Duration wait = jittered(capped.compareTo(interval) < 0 ? interval : capped, 0.2);
            Instant next = now.plus(wait);
            s.nextPollAt = retryAfter != null && retryAfter.isAfter(next) ? retryAfter : next;
            Log.infof("Source %s failed (%s): %s; next poll at %s", source.id(), kind, message, s.nextPollAt);
            if (s.consecutiveFailures >= config.failuresBeforeBroken() && !"failing".equals(s.reported)) {
                s.reported = "failing";
                return event(source, s, MonitorEvent.Status.FAILING, now);
            }
            return null;
        }
    }

    private static MonitorEvent event(Source source, SourceState s, MonitorEvent.Status status, Instant now) {
        return new MonitorEvent(MonitorEvent.SCHEMA_VERSION, source.id(), UrlSecrets.hide(source.url()), status,
                status == MonitorEvent.Status.RECOVERED ? 0 : s.consecutiveFailures,
                status == MonitorEvent.Status.RECOVERED ? null : s.lastError, s.lastSuccessAt, now);
    }

    /** Spreads polls so that sources added together do not stay in lockstep. */
    private static Duration jittered(Duration d, double spread) {
        double factor = 1 - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread;
        return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
    }

    @Override
    public void beforeTakingOver(Set<Integer> partitions) {
        catchUp.run();
    }

    @Override
    public void afterGivingUp(Set<Integer> partitions) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Map.Entry<String, SourceState> e : states.entrySet()) {
            if (!partitions.contains(partitionOf.partitionOf(e.getKey()))) {
                continue;
            }
            SourceState s = e.getValue();
            synchronized (s) {
                while (s.inFlight && System.nanoTime() < deadline) {
                    try {
                        s.wait(100);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
