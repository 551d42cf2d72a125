package dev.earshot.ingest.poll;

import dev.earshot.events.MonitorEvent;
import dev.earshot.ingest.fetch.HostLimiter;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The poll loop. Each {@link #tick} starts the polls that are due, on sources this replica owns,
 * on hosts that politeness allows now; each runs a {@link SourcePoll} on a worker, then moves the
 * source's cursor, schedule ({@link Backoff}) and {@link SourceHealth}, and publishes the monitor
 * event a change of health raises. Retry-After pauses the whole host. One failing source never
 * stops the others.
 */
public final class PollScheduler implements AutoCloseable, SourceOwnership.Hooks {

    private final CatalogStore catalog;
    private final SourcePoll poll;
    private final MonitorPublisher monitors;
    private final HostLimiter hosts;
    private final Shards shards;
    private final Schedule schedule;
    private final Backoff backoff;
    private final Clock clock;
    private final PollMetrics metrics;
    private final Map<String, SourceState> states = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    /**
     * Which sources this replica polls.
     *
     * @param owns        whether this replica owns a source now
     * @param partitionOf the shard a source is in, for finishing the polls of shards given up
     * @param catchUp     reads the state topics to their end before shards are taken over
     */
    public record Shards(Predicate<String> owns, ToIntFunction<String> partitionOf, Runnable catchUp) {

        /** Every source, one shard (tests and tools without a group). */
        public static Shards all() {
            return new Shards(id -> true, id -> 0, () -> {
            });
        }
    }

    /** When sources are polled: the cadence, the loop's settings and the clock. */
    public record Schedule(Duration interval, PollSettings settings, Clock clock) {
    }

    public PollScheduler(CatalogStore catalog, SourcePoll poll, MonitorPublisher monitors, HostLimiter hosts,
            Shards shards, Schedule schedule, MeterRegistry registry) {
        this.catalog = catalog;
        this.poll = poll;
        this.monitors = monitors;
        this.hosts = hosts;
        this.shards = shards;
        this.schedule = schedule;
        this.backoff = new Backoff(schedule.interval(), schedule.settings().maxBackoff());
        this.clock = schedule.clock();
        this.metrics = new PollMetrics(registry);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, schedule.settings().workers()), r -> {
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
        List<Source> due = c.sources().stream().filter(s -> shards.owns().test(s.id()))
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
            if (shards.owns().test(s.id())) {
                pollNow(s.id());
            }
        }
    }

    public Optional<SourceStatus> status(String sourceId) {
        Catalog c = catalog.current();
        return c.source(sourceId).map(s -> {
            SourceState st = states.get(sourceId);
            if (st == null) {
                st = newState(s);
            }
            return st.status(sourceId, shards.owns().test(sourceId));
        });
    }

    /** Sources whose last monitor event is {@code failing} or {@code silent}, with what is wrong. */
    public Map<String, String> broken() {
        Map<String, String> out = new TreeMap<>();
        states.forEach((id, s) -> {
            synchronized (s) {
                if (s.health.reported() != null) {
                    out.put(id, s.health.label() + ": " + (s.lastError == null ? "" : s.lastError));
                }
            }
        });
        return out;
    }

    private SourceState state(Source source) {
        SourceState s = states.computeIfAbsent(source.id(), id -> newState(source));
        metrics.watch(source.id(), s);
        return s;
    }

    private SourceState newState(Source source) {
        return new SourceState(source.url(), new SourceHealth(schedule.settings().failuresBeforeBroken()));
    }

    void pollOne(Source source, SourceState state, Catalog c) {
        Timer.Sample sample = metrics.start();
        Instant started = clock.instant();
        SourcePoll.Cursor cursor;
        synchronized (state) {
            // The cursor means "nothing new for these brands at this address": after the source moved, or the
            // brands changed over the API, read everything once so old reviews are matched against new brands.
            boolean valid = source.url().equals(state.cursorUrl) && c.brands().equals(state.cursorBrands);
            cursor = valid ? new SourcePoll.Cursor(state.etag, state.lastModified) : SourcePoll.Cursor.NONE;
        }
        SourcePoll.Result result;
        MonitorEvent event;
        try {
            result = poll.run(source, cursor, c);
            event = result.ok() ? succeeded(source, state, result, started, c) : failed(source, state, result);
        } finally {
            synchronized (state) {
                state.lastPollAt = started;
                state.inFlight = false;
                state.notifyAll();
            }
        }
        metrics.polled(source.id(), !result.ok() ? "error" : result.read().notModified() ? "not_modified" : "ok", sample);
        if (event != null) {
            try {
                monitors.publish(event);
                Log.warnf("Source %s is %s: %s", source.id(), event.status().name().toLowerCase(), event.lastError());
            } catch (RuntimeException e) {
                Log.errorf("Could not publish the %s event of source %s: %s", event.status(), source.id(), e.getMessage());
            }
        }
    }

    private MonitorEvent succeeded(Source source, SourceState s, SourcePoll.Result result, Instant started, Catalog c) {
        metrics.found(source.id(), result.found(), result.published());
        SourceReader.Read read = result.read();
        Instant now = clock.instant();
        synchronized (s) {
            s.etag = read.etag(); // the cursor moves only now, after the publish was acknowledged
            s.lastModified = read.lastModified();
            s.cursorUrl = source.url();
            s.cursorBrands = c.brands();
            s.outcome = read.notModified() ? "not-modified" : "ok";
            s.errorKind = null;
            s.lastSuccessAt = now;
            s.nextPollAt = backoff.afterSuccess(started);
            s.newMentions = result.published();
            if (!read.notModified()) {
                s.items = read.items().size();
            }
            int before = s.health.lastNonEmptyItems();
            // A feed may empty out; a page or a json API that had items and has none broke (a redesign, a new shape).
            MonitorEvent.Status change = s.health.succeeded(!read.notModified(), source.kind() != Source.Kind.feed,
                    read.items().size());
            if (change == MonitorEvent.Status.SILENT) {
                s.lastError = (source.kind() == Source.Kind.json
                        ? "the json answers, but its items path " + source.json().items() + " finds no item"
                        : "the page answers, but " + (source.selectors() != null ? "its selectors match"
                                : "its schema.org markup holds") + " no review") + " any more (" + before + " before)";
            } else if (s.health.reported() == null) {
                s.lastError = null;
            }
            return change == null ? null : event(source, s, change, now);
        }
    }

    private MonitorEvent failed(Source source, SourceState s, SourcePoll.Result result) {
        metrics.error(source.id(), result.failure());
        Instant now = clock.instant();
        if (result.retryAfter() != null) {
            hosts.pause(HostLimiter.hostOf(source.url()), result.retryAfter());
        }
        synchronized (s) {
            s.outcome = "error";
            s.errorKind = result.failure().name();
            s.lastError = result.error();
            s.newMentions = 0;
            MonitorEvent.Status change = s.health.failed();
            s.nextPollAt = backoff.afterFailure(now, s.health.consecutiveFailures(), result.retryAfter());
            Log.infof("Source %s failed (%s): %s; next poll at %s", source.id(), result.failure(), result.error(),
                    s.nextPollAt);
            return change == null ? null : event(source, s, change, now);
        }
    }

    private static MonitorEvent event(Source source, SourceState s, MonitorEvent.Status status, Instant now) {
        boolean recovered = status == MonitorEvent.Status.RECOVERED;
        return new MonitorEvent(MonitorEvent.SCHEMA_VERSION, source.id(), UrlSecrets.hide(source.url()), status,
                recovered ? 0 : s.health.consecutiveFailures(), recovered ? null : s.lastError, s.lastSuccessAt, now);
    }

    @Override
    public void beforeTakingOver(Set<Integer> partitions) {
        shards.catchUp().run();
    }

    @Override
    public void afterGivingUp(Set<Integer> partitions) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Map.Entry<String, SourceState> e : states.entrySet()) {
            if (!partitions.contains(shards.partitionOf().applyAsInt(e.getKey()))) {
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
