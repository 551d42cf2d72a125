package dev.earshot.alert.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Delivers each notification once on each channel that applies. A delivery (notification id +
 * channel) is tried at once; a failed one waits in memory and is retried with exponential backoff,
 * and a delivery that succeeded (or was given up) gets a sent marker and is never made again. Plain
 * logic, no Kafka: {@link OutboxWorker} feeds it from the notifications topic and keeps its Kafka
 * offsets behind every delivery still waiting, so a crash loses none of them.
 */
public final class Outbox {

    /** A delivery waiting for its next try; {@code origin} is where it came from (the worker's offset). */
    record Pending(Notification notification, Channel channel, Object origin, int attempts, long firstAttemptMs,
            long nextAttemptMs) {
    }

    /** Bounded, so a hanging server cannot hold the worker long after a long outage. */
    static final int MAX_RETRIES_PER_PASS = 5;

    private final List<Channel> channels;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Duration giveUpAfter;
    private final SentMarkers sent;
    private final MeterRegistry metrics;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** Channels that failed in this pass: the rest of the pass does not wait on them again. */
    private final Set<String> failedThisPass = new HashSet<>();

    public Outbox(List<Channel> channels, Duration retryInitial, Duration retryMax, Duration giveUpAfter,
            SentMarkers sent, MeterRegistry metrics) {
        this.channels = List.copyOf(channels);
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.giveUpAfter = giveUpAfter;
        this.sent = sent;
        this.metrics = metrics;
    }

    /** Starts a pass (one poll of the worker): a channel that failed in the last pass is tried again. */
    public void startPass() {
        failedThisPass.clear();
    }

    /** Delivers {@code n} on every channel that applies and has not delivered it yet. */
    public void offer(Notification n, Object origin, long nowMs) {
        for (Channel channel : channels) {
            String deliveryId = n.id() + "#" + channel.name();
            if (sent.contains(deliveryId) || pending.containsKey(deliveryId)) {
                metrics.counter("earshot.alerts.notifications.duplicates", "channel", channel.name()).increment();
                continue; // already delivered or on its way: exactly once per delivery id
            }
            if (channel.appliesTo(n)) {
                attempt(deliveryId, new Pending(n, channel, origin, 0, nowMs, nowMs), nowMs);
            }
        }
    }

    /** Retries the deliveries whose backoff is over, a few per pass. */
    public void retryDue(long nowMs) {
        List<Map.Entry<String, Pending>> due = new ArrayList<>();
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue().nextAttemptMs() <= nowMs && due.size() < MAX_RETRIES_PER_PASS) {
                due.add(e);
            }
        }
        due.forEach(e -> attempt(e.getKey(), e.getValue(), nowMs));
    }

    /** The origins of the deliveries still waiting. */
    public List<Object> waitingOrigins() {
        return pending.values().stream().map(Pending::origin).toList();
    }

    /** Drops the waiting deliveries of these origins (their partition moved: the new owner re-reads them). */
    public void forget(Predicate<Object> origin) {
        pending.values().removeIf(p -> origin.test(p.origin()));
    }

    private void attempt(String deliveryId, Pending p, long nowMs) {
        Channel channel = p.channel();
        if (failedThisPass.contains(channel.name())) {
            // It failed moments ago: do not wait another send timeout on a black-holed server now.
            pending.put(deliveryId, new Pending(p.notification(), channel, p.origin(), p.attempts(), p.firstAttemptMs(),
                    Math.max(p.nextAttemptMs(), nowMs + retryInitial.toMillis())));
            return;
        }
        int attempts = p.attempts() + 1;
        try {
            channel.deliver(p.notification(), deliveryId);
        } catch (Exception e) {
            failedThisPass.add(channel.name());
            failed(deliveryId, p, attempts, nowMs, e);
            return;
        }
        pending.remove(deliveryId);
        sent.mark(deliveryId, nowMs);
        metrics.counter("earshot.alerts.notifications.sent", "channel", channel.name(), "purpose",
                p.notification().purpose().name().toLowerCase()).increment();
        if (attempts > 1) {
            Log.infof("Delivered %s after %d attempts", deliveryId, attempts);
        }
    }

    private void failed(String deliveryId, Pending p, int attempts, long nowMs, Exception e) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String channel = p.channel().name();
        if (nowMs - p.firstAttemptMs() >= giveUpAfter.toMillis()) {
            pending.remove(deliveryId);
            sent.mark(deliveryId, nowMs); // given up: never retried again either
            metrics.counter("earshot.alerts.notifications.failed", "channel", channel).increment();
            Log.errorf("Gave up delivering %s after %d attempts: %s", deliveryId, attempts, error);
            return;
        }
        long backoff = Math.min(retryMax.toMillis(), retryInitial.toMillis() * (1L << Math.min(20, attempts - 1)));
        pending.put(deliveryId, new Pending(p.notification(), p.channel(), p.origin(), attempts, p.firstAttemptMs(),
                nowMs + backoff));
        metrics.counter("earshot.alerts.notifications.retried", "channel", channel).increment();
        Log.warnf("Delivering %s failed (attempt %d), retrying in %d ms: %s", deliveryId, attempts, backoff, error);
    }
}
