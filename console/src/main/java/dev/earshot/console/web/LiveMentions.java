package dev.earshot.console.web;

import dev.earshot.console.store.MentionQueries;
import dev.earshot.console.store.MentionRow;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Mentions page's live stream. One look at the store every {@link #TICK_MS} ms while anyone watches (mentions
 * first stored since the last look), each new mention rendered once with the page's own fragment (escaped) and sent
 * to every open page whose filter it passes. Bounded: at most {@link #MAX_CLIENTS} streams, a client with more than
 * {@link #MAX_IN_FLIGHT} unsent events is dropped (its browser reconnects and reloads), no per-client queue; streams
 * close at the user's logout and at shutdown.
 */
@ApplicationScoped
public class LiveMentions {

    static final int MAX_CLIENTS = 200;
    static final int MAX_IN_FLIGHT = 32;
    static final long TICK_MS = 1_000;
    static final int BATCH = 500;
    /** Rows stored in a transaction that committed after a later one's look: looked at again for this long. */
    static final long OVERLAP_MS = 5_000;
    private static final int REMEMBERED = 5_000;

    record Client(String user, MentionQueries.Filter filter, SseEventSink sink, Sse sse, AtomicInteger inFlight) {
    }

    private final MentionQueries mentions;
    private final Template fragment;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> sent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
            return size() > REMEMBERED;
        }
    };
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-live-mentions");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant watermark;

    public LiveMentions(MentionQueries mentions, @Location("MentionsPage/mention.html") Template fragment) {
        this.mentions = mentions;
        this.fragment = fragment;
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void open(String user, MentionQueries.Filter filter, SseEventSink sink, Sse sse) {
        if (clients.size() >= MAX_CLIENTS) {
            sink.send(sse.newEventBuilder().name("full").data("too many live streams open; reload later").build())
                    .whenComplete((x, e) -> sink.close());
            return;
        }
        if (watermark == null) {
            watermark = Instant.now();
        }
        Client c = new Client(user, filter, sink, sse, new AtomicInteger());
        clients.add(c);
        send(c, sse.newEventBuilder().name("open").data("live").build());
    }

    int open() {
        return clients.size();
    }

    /** Closes the user's streams (at logout). */
    void closeFor(String user) {
        clients.stream().filter(c -> c.user().equals(user)).forEach(this::drop);
    }

    void onStop(@Observes ShutdownEvent ev) {
        ticker.shutdownNow();
        clients.forEach(this::drop);
    }

    private void tick() {
        try {
            clients.removeIf(c -> c.sink().isClosed());
            if (clients.isEmpty() || watermark == null) {
                return;
            }
            List<MentionQueries.Stored> fresh = mentions.storedAfter(watermark.minusMillis(OVERLAP_MS), BATCH);
            Map<MentionRow, String> html = new HashMap<>();
            for (MentionQueries.Stored s : fresh) {
                MentionRow m = s.mention();
                if (s.storedAt().isAfter(watermark)) {
                    watermark = s.storedAt();
                }
                if (sent.put(m.mentionId() + "/" + m.brandId(), Boolean.TRUE) != null) {
                    continue;
                }
                for (Client c : clients) {
                    if (c.filter().matches(m)) {
                        String h = html.computeIfAbsent(m, this::render);
                        send(c, c.sse().newEventBuilder().name("mention").data(h).build());
                    }
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("live mentions: %s", e.toString());
        }
    }

    /** The mention's fragment, escaped by Qute; newlines kept as character references so it is one SSE data line. */
    private String render(MentionRow m) {
        return fragment.data("m", m).data("page", new Page("", "", false, null)).render()
                .replace("\r", "").replace("\n", "&#10;");
    }

    private void send(Client c, OutboundSseEvent event) {
        if (c.inFlight().incrementAndGet() > MAX_IN_FLIGHT) {
            Log.infof("live mentions: dropping a slow client of %s", c.user());
            drop(c);
            return;
        }
        try {
            c.sink().send(event).whenComplete((x, e) -> {
                c.inFlight().decrementAndGet();
                if (e != null) {
                    drop(c);
                }
            });
        } catch (RuntimeException e) {
            drop(c);
        }
    }

    private void drop(Client c) {
        clients.remove(c);
        try {
            c.sink().close();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
