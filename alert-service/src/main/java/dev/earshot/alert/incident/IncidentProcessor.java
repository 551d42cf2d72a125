package dev.earshot.alert.incident;

import dev.earshot.alert.BrandCatalog;
import dev.earshot.alert.detection.BrandHistory;
import dev.earshot.alert.detection.Detection;
import dev.earshot.alert.detection.DetectionSettings;
import dev.earshot.alert.detection.DetectionTopology;
import dev.earshot.alert.detection.DriftRule;
import dev.earshot.alert.detection.InstantRule;
import dev.earshot.alert.detection.SpikeRule;
import dev.earshot.alert.messaging.DeadLetters;
import dev.earshot.alert.notification.Notification;
import dev.earshot.alert.notification.NotificationPolicy;
import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stateful heart of alert-service, one instance per stream task (per partition of
 * {@code mentions-scored}): runs the three rules on each scored mention against the brand's
 * history, folds what fires into incidents, publishes every incident revision to {@code alerts},
 * and decides which revisions are told (written to the notifications topic). Staff commands arrive
 * on the commands topic, keyed by brand like the mentions, so they reach the same task. All state
 * is in changelog-backed stores; with exactly-once processing the stores, the alerts and the
 * notifications are committed together.
 */
public final class IncidentProcessor implements Processor<String, String, String, String> {

    private final BrandCatalog catalog;
    private final IncidentLifecycle lifecycle;
    private final NotificationPolicy policy;
    private final Duration tick;
    private final Duration digestInterval;
    private final Duration retention;
    private final MeterRegistry metrics;
    private final CommandGate gate;
    private final InstantRule instant = new InstantRule();
    private final SpikeRule spike = new SpikeRule();
    private final DriftRule drift = new DriftRule();

    private ProcessorContext<String, String> context;
    private KeyValueStore<String, BrandHistory> histories;
    private KeyValueStore<String, Incident> incidents;
    private KeyValueStore<String, String> current;
    private KeyValueStore<String, Long> seen;
    private KeyValueStore<String, Long> due;

    public IncidentProcessor(BrandCatalog catalog, IncidentLifecycle lifecycle, NotificationPolicy policy,
            Duration tick, Duration digestInterval, Duration retention, MeterRegistry metrics, CommandGate gate) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.tick = tick;
        this.digestInterval = digestInterval;
        this.retention = retention;
        this.metrics = metrics;
        this.gate = gate;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.histories = context.getStateStore(DetectionTopology.HISTORY_STORE);
        this.incidents = context.getStateStore(DetectionTopology.INCIDENT_STORE);
        this.current = context.getStateStore(DetectionTopology.CURRENT_STORE);
        this.seen = context.getStateStore(DetectionTopology.SEEN_STORE);
        this.due = context.getStateStore(DetectionTopology.DUE_STORE);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::onTick);
        context.schedule(digestInterval, PunctuationType.WALL_CLOCK_TIME, this::sendDigests);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    }

    @Override
    public void process(Record<String, String> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse(Topics.MENTIONS_SCORED);
        if (DetectionTopology.COMMANDS_TOPIC.equals(topic)) {
            onCommand(record);
        } else {
            onMention(record);
        }
    }

    private void onMention(Record<String, String> record) {
        ScoredMention scored;
        try {
            scored = EventJson.read(record.value(), ScoredMention.class);
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        String brand = scored.mention().brand().id();
        String seenKey = brand + "|" + scored.mention().id() + "|" + scored.mention().contentHash();
        if (seen.get(seenKey) != null) {
            return; // redelivered or re-published unchanged: already counted
        }
        seen.put(seenKey, record.timestamp());
        if (scored.label() == Label.UNKNOWN) {
            return; // no evidence either way: neither counted nor alerted
        }
        DetectionSettings settings = catalog.settings(brand);
        BrandHistory history = Optional.ofNullable(histories.get(brand)).orElseGet(BrandHistory::new);
        boolean negative = scored.label() == Label.NEGATIVE;
        long eventMs = eventTime(scored, record.timestamp());
        history.record(eventMs, negative, settings.spikeWindow().toMillis());
        history.trend.add(scored.score(), settings.driftFastHalfLife(), settings.driftSlowHalfLife());
        boolean inWindow = eventMs > history.newestMs - settings.spikeWindow().toMillis();

        Optional<Detection> single = instant.evaluate(scored, settings);
        Optional<Detection> storm = negative && inWindow ? spike.evaluate(history, settings) : Optional.empty();
        Optional<Detection> mood = drift.evaluate(history.trend, settings);
        histories.put(brand, history);

        // Instant and spike are one cause: the first names the incident, the strongest sets its severity.
        Optional<Detection> negativeCause = single.isPresent() && storm.isPresent()
                ? Optional.of(storm.get().severity().compareTo(single.get().severity()) > 0 ? storm.get()
                        : single.get())
                : single.or(() -> storm);
        negativeCause.ifPresent(d -> onDetection(d, single.isPresent() ? Alert.Kind.INSTANT : Alert.Kind.SPIKE,
                scored, eventMs));
        mood.ifPresent(d -> onDetection(d, Alert.Kind.DRIFT, scored, eventMs));
    }

    /**
     * When the mention was written: its {@code publishedAt} when the source gave one (never later than
     * the record), else the record's timestamp. A first crawl of a page full of old reviews, or a
     * backlog after an outage upstream, then lands in the hours the reviews were written instead of
     * looking like a storm now.
     */
    static long eventTime(ScoredMention scored, long recordTimestamp) {
        Instant published = scored.mention().publishedAt();
        return published == null ? recordTimestamp : Math.min(published.toEpochMilli(), recordTimestamp);
    }

    private void onDetection(Detection d, Alert.Kind openAs, ScoredMention scored, long eventMs) {
        metrics.counter("earshot.alerts.raised", "brand", scored.mention().brand().id(), "kind",
                d.kind().name().toLowerCase(), "severity", d.severity().name().toLowerCase()).increment();
        String pointer = scored.mention().brand().id() + "|" + d.cause();
        String currentId = current.get(pointer);
        Incident inc = currentId == null ? null : incidents.get(currentId);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        boolean opened = !lifecycle.folds(inc, eventMs);
        boolean reopened = false;
        if (opened) {
            Detection naming = new Detection(openAs, d.severity(), d.cause(), d.rule(), d.summary(), d.figures());
            inc = lifecycle.open(naming, scored, eventMs, now);
            current.put(pointer, inc.id);
        } else {
            reopened = lifecycle.fold(inc, d, scored, eventMs, now);
        }
        Optional<Notification.Purpose> tell = policy.onDetection(inc, opened, reopened, now.toEpochMilli());
        publish(inc, tell);
        if (opened) {
            Log.infof("Incident %s opened (%s, %s): %s", inc.id, inc.brand.name(), inc.severity, inc.why.summary());
        }
    }

    private void onCommand(Record<String, String> record) {
        CommandGate.Verdict verdict = gate.check(record.value());
        if (verdict instanceof CommandGate.Refused refused) {
            refuse(record, refused.reason(), refused.detail());
            return;
        }
        IncidentCommand cmd = ((CommandGate.Accepted) verdict).command();
        Incident inc = incidents.get(cmd.incidentId());
        if (inc == null) {
            Log.warnf("Ignoring %s of unknown incident %s", cmd.action(), cmd.incidentId());
            return;
        }
        if (inc.lastCommandAt != null && !cmd.at().isAfter(inc.lastCommandAt)) {
            refuse(record, "replayed", cmd.action() + " of " + cmd.incidentId() + " at " + cmd.at()
                    + " is not newer than the last command applied (" + inc.lastCommandAt + "): a replay");
            return;
        }
        inc.lastCommandAt = cmd.at();
        if (cmd.linkRevision() != null && !inc.sameEpisode(cmd.linkRevision())) {
            // Not hostile: someone clicked the link of an email sent before the incident was re-opened.
            metrics.counter("earshot.alerts.commands.refused", "reason", "earlier-alert-link").increment();
            Log.infof("Incident %s: a link from revision %d does not acknowledge it since it re-opened at revision %d",
                    inc.id, cmd.linkRevision(), inc.episodeRevision);
            save(inc);
            return;
        }
        if (lifecycle.apply(inc, cmd, Instant.ofEpochMilli(context.currentSystemTimeMs()))) {
            publish(inc, Optional.empty());
            Log.infof("Incident %s is now %s (by %s)", inc.id, inc.state, cmd.by());
        } else {
            save(inc);
        }
    }

    /** A command this service did not write, or cannot act on: dead-lettered and counted, the stream goes on. */
    private void refuse(Record<String, String> record, String reason, String detail) {
        metrics.counter("earshot.alerts.commands.refused", "reason", reason).increment();
        deadLetter(record, "incident command refused (" + reason + "): " + detail);
    }

    private void publish(Incident inc, Optional<Notification.Purpose> tell) {
        save(inc);
        Alert alert = inc.toAlert();
        long ts = context.currentSystemTimeMs();
        context.forward(new Record<>(inc.id, EventJson.writeString(alert), ts), DetectionTopology.ALERTS_SINK);
        tell.ifPresent(purpose -> notify(Notification.about(alert, purpose)));
    }

    private void notify(Notification n) {
        context.forward(new Record<>(n.id(), EventJson.writeString(n), context.currentSystemTimeMs()),
                DetectionTopology.NOTIFY_SINK);
    }

    /** Stores the incident, and keeps the small index of incidents a timer may still act on. */
    private void save(Incident inc) {
        incidents.put(inc.id, inc);
        boolean timerMayAct = inc.inDigest || (inc.state != Alert.State.RESOLVED && (inc.updatePending
                || (inc.severity == Alert.Severity.HIGH && inc.state == Alert.State.OPEN && !inc.escalated)));
        if (timerMayAct) {
            due.put(inc.id, inc.lastDetectionMs);
        } else if (due.get(inc.id) != null) {
            due.delete(inc.id);
        }
    }

    /** The incidents a timer may act on: only those are read at every tick, not the whole store. */
    private List<Incident> dueIncidents() {
        List<Incident> list = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, Long> ids = due.all()) {
            while (ids.hasNext()) {
                String id = ids.next().key;
                Incident inc = incidents.get(id);
                if (inc == null) {
                    gone.add(id);
                } else {
                    list.add(inc);
                }
            }
        }
        gone.forEach(due::delete);
        return list;
    }

    private void onTick(long nowMs) {
        List<Incident> changed = new ArrayList<>();
        List<Notification.Purpose> purposes = new ArrayList<>();
        for (Incident inc : dueIncidents()) {
            boolean wasEscalated = inc.escalated;
            Optional<Notification.Purpose> tell = policy.onTick(inc, nowMs);
            if (tell.isPresent() || wasEscalated != inc.escalated) {
                changed.add(inc);
                purposes.add(tell.orElse(null));
            }
        }
        for (int i = 0; i < changed.size(); i++) {
            Incident inc = changed.get(i);
            save(inc);
            if (purposes.get(i) != null) {
                notify(Notification.about(inc.toAlert(), purposes.get(i)));
            }
        }
    }

    private void sendDigests(long nowMs) {
        Map<String, List<Incident>> byBrand = new LinkedHashMap<>();
        for (Incident inc : dueIncidents()) {
            if (inc.inDigest) {
                byBrand.computeIfAbsent(inc.brand.id(), b -> new ArrayList<>()).add(inc);
            }
        }
        byBrand.forEach((brand, list) -> {
            list.forEach(inc -> {
                inc.inDigest = false;
                save(inc);
            });
            notify(Notification.digest(brand, list.stream().map(Incident::toAlert).toList(), nowMs));
        });
    }

    private void forgetOld(long nowMs) {
        long horizon = nowMs - retention.toMillis();
        List<String> oldIncidents = new ArrayList<>();
        try (KeyValueIterator<String, Incident> all = incidents.all()) {
            while (all.hasNext()) {
                KeyValue<String, Incident> kv = all.next();
                // Open or acknowledged ones too: past the retention no mention can fold into them any more
                // (the fold window is hours), and nobody acted on them; the alerts topic keeps their story.
                if (kv.value.updatedAt.toEpochMilli() < horizon) {
                    oldIncidents.add(kv.key);
                }
            }
        }
        oldIncidents.forEach(id -> {
            incidents.delete(id);
            if (due.get(id) != null) {
                due.delete(id);
            }
        });
        List<String> stalePointers = new ArrayList<>();
        try (KeyValueIterator<String, String> all = current.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> kv = all.next();
                if (incidents.get(kv.value) == null) {
                    stalePointers.add(kv.key);
                }
            }
        }
        stalePointers.forEach(current::delete);
        List<String> oldSeen = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> kv = all.next();
                if (kv.value < horizon) {
                    oldSeen.add(kv.key);
                }
            }
        }
        oldSeen.forEach(seen::delete);
    }

    private void deadLetter(Record<String, String> record, String reason) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.MENTIONS_SCORED);
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(),
                DeadLetters.headers(record.headers(), reason, topic, partition, offset)), DetectionTopology.DLQ_SINK);
        metrics.counter("earshot.alerts.dead.letters", "topic", topic).increment();
        Log.warnf("Record on %s sent to %s: %s", topic, Topics.MENTIONS_SCORED_DLQ, reason);
    }
}
