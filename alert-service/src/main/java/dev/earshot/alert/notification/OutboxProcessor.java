package dev.earshot.alert.notification;

import dev.earshot.alert.detection.DetectionTopology;
import dev.earshot.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The outbox: delivers each notification once on each channel that applies. A delivery (notification
 * id + channel) is tried at once; when it fails it waits in the changelog-backed pending store and is
 * retried with exponential backoff by a wall-clock punctuator. A delivery that succeeded is marked in
 * the sent store, and a notification whose delivery is marked is never sent again — after a
 * redelivery, a restart, or the partition moving to another replica (stores move with it).
 */
public final class OutboxProcessor implements Processor<String, String, Void, Void> {

    /** A delivery waiting for its next try. Public fields for the JSON store serde. */
    public static final class Pending {
        public Notification notification;
        public String channel;
        public int attempts;
        public long firstAttemptMs;
        public long nextAttemptMs;
        public String lastError;
    }

    private static final int MAX_RETRIES_PER_TICK = 5;

    private final List<Channel> channels;
    private final Duration tick;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Duration giveUpAfter;
    private final Duration sentRetention;
    private final MeterRegistry metrics;

    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, Pending> pending;
    private KeyValueStore<String, Long> sent;

    public OutboxProcessor(List<Channel> channels, Duration tick, Duration retryInitial, Duration retryMax,
            Duration giveUpAfter, Duration sentRetention, MeterRegistry metrics) {
        this.channels = List.copyOf(channels);
        this.tick = tick;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.giveUpAfter = giveUpAfter;
        this.sentRetention = sentRetention;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.pending = context.getStateStore(DetectionTopology.PENDING_STORE);
        this.sent = context.getStateStore(DetectionTopology.SENT_STORE);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::retryDue);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    }

    @Override
    public void process(Record<String, String> record) {
        Notification n = parse(record.value());
        long now = context.currentSystemTimeMs();
        for (Channel channel : channels) {
            String deliveryId = n.id() + "#" + channel.name();
            if (sent.get(deliveryId) != null || pending.get(deliveryId) != null) {
                metrics.counter("earshot.alerts.notifications.duplicates", "channel", channel.name()).increment();
                continue; // already delivered or on its way: exactly once per delivery id
            }
            if (!channel.appliesTo(n)) {
                continue;
            }
            Pending p = new Pending();
            p.notification = n;
            p.channel = channel.name();
            p.firstAttemptMs = now;
            attempt(deliveryId, p, channel, now);
        }
    }

    private static Notification parse(String json) {
        try {
            return EventJson.mapper().readValue(json, Notification.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable notification on the internal topic", e);
        }
    }

    private void attempt(String deliveryId, Pending p, Channel channel, long now) {
        p.attempts++;
        try {
            channel.deliver(p.notification, deliveryId);
        } catch (Exception e) {
            failed(deliveryId, p, channel, now, e);
            return;
        }
        pending.delete(deliveryId);
        sent.put(deliveryId, now);
        // Ask for the transaction holding the sent marker to commit right after this record, not at
        // the next commit interval: that gap is the only window in which a crash resends.
        context.commit();
        metrics.counter("earshot.alerts.notifications.sent", "channel", channel.name(), "purpose",
                p.notification.purpose().name().toLowerCase()).increment();
        if (p.attempts > 1) {
            Log.infof("Delivered %s after %d attempts", deliveryId, p.attempts);
        }
    }

    private void failed(String deliveryId, Pending p, Channel channel, long now, Exception e) {
        p.lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (now - p.firstAttemptMs >= giveUpAfter.toMillis()) {
            pending.delete(deliveryId);
            sent.put(deliveryId, now); // given up: never retried again either
            metrics.counter("earshot.alerts.notifications.failed", "channel", channel.name()).increment();
            Log.errorf("Gave up delivering %s after %d attempts: %s", deliveryId, p.attempts, p.lastError);
            return;
        }
        long backoff = Math.min(retryMax.toMillis(), retryInitial.toMillis() * (1L << Math.min(20, p.attempts - 1)));
        p.nextAttemptMs = now + backoff;
        pending.put(deliveryId, p);
        metrics.counter("earshot.alerts.notifications.retried", "channel", channel.name()).increment();
        Log.warnf("Delivering %s failed (attempt %d), retrying in %d ms: %s", deliveryId, p.attempts, backoff,
                p.lastError);
    }

    private void retryDue(long nowMs) {
        List<KeyValue<String, Pending>> due = new ArrayList<>();
        try (KeyValueIterator<String, Pending> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, Pending> kv = all.next();
                if (kv.value.nextAttemptMs <= nowMs) {
                    due.add(kv);
                }
            }
        }
        // Bounded, so a hanging SMTP server cannot hold the stream thread past Kafka's poll interval.
        for (KeyValue<String, Pending> kv : due.subList(0, Math.min(due.size(), MAX_RETRIES_PER_TICK))) {
            Channel channel = channels.stream().filter(c -> c.name().equals(kv.value.channel)).findFirst().orElse(null);
            if (channel == null) {
                pending.delete(kv.key);
                continue;
            }
            attempt(kv.key, kv.value, channel, nowMs);
        }
    }

    private void forgetOld(long nowMs) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = sent.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> kv = all.next();
                if (kv.value < nowMs - sentRetention.toMillis()) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(sent::delete);
    }
}
