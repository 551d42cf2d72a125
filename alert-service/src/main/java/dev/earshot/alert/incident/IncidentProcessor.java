package dev.earshot.alert.incident;

import dev.earshot.alert.detection.BrandHistory;
import dev.earshot.alert.detection.BrandHistorySerde;
import dev.earshot.alert.detection.Detection;
import dev.earshot.alert.detection.DetectionSettings;
import dev.earshot.alert.detection.MentionRules;
import dev.earshot.alert.messaging.DeadLetters;
import dev.earshot.alert.messaging.JsonSerde;
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
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The stream task that owns a partition's incidents: each scored mention goes through the rules
 * ({@link MentionRules}) against its brand's history, what fires folds into incidents
 * ({@link IncidentLifecycle}), revisions are published to {@code alerts}, and what the
 * {@link NotificationPolicy} says to tell goes to the notifications topic. A new incident, a re-opening, a
 * higher severity, a staff action and anything told now are published at once; a fold of more of the same
 * is only saved and noted as unpublished, and a wall-clock timer publishes the newest state of each such
 * incident every publish interval — in complaint storms most mentions fold, and each revision is several
 * kilobytes of JSON. The unpublished set is a store, so a restart publishes what the last commit left. Staff commands arrive on
 * {@link IncidentCommand#TOPIC}, keyed by brand like the mentions, so they reach the same task
 * ({@link CommandHandler}). With exactly-once processing the stores, the alerts and the notifications
 * are committed together.
 */
public final class IncidentProcessor implements Processor<String, String, String, String> {

    /** Per brand: the counters the spike and drift rules compare with. */
    public static final String HISTORY_STORE = "brand-history";
    /** Mentions already counted ({@code brand|mention id|content hash} to when). */
    public static final String SEEN_STORE = "seen-mentions";

    /** Where this processor forwards: the topology connects these names to their topics. */
    public static final String ALERTS_SINK = "alerts-sink";
    public static final String DLQ_SINK = "dlq-sink";
    public static final String NOTIFY_SINK = "incident-notifications-sink";

    private final Function<String, DetectionSettings> settings;
    private final IncidentLifecycle lifecycle;
    private final NotificationPolicy policy;
    private final CommandHandler commands;
    private final Duration tick;
    private final Duration publishInterval;
    private final Duration digestInterval;
    private final Duration retention;
    private final MeterRegistry metrics;
    private final MentionRules rules = new MentionRules();

    private ProcessorContext<String, String> context;
    private KeyValueStore<String, BrandHistory> histories;
    private KeyValueStore<String, Long> seen;
    private IncidentStore incidents;

    /**
     * @param settings the rule thresholds of a brand
     * @param tick            how often held-back updates and escalations are looked at
     * @param publishInterval how often folded revisions are published (see the class comment)
     */
    public IncidentProcessor(Function<String, DetectionSettings> settings, IncidentLifecycle lifecycle,
            NotificationPolicy policy, CommandHandler commands, Duration tick, Duration publishInterval,
            Duration digestInterval, Duration retention, MeterRegistry metrics) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.commands = commands;
        this.tick = tick;
        this.publishInterval = publishInterval;
        this.digestInterval = digestInterval;
        this.retention = retention;
        this.metrics = metrics;
    }

    /** The stores this processor uses; {@code store} makes persistent or in-memory ones. */
    public static List<StoreBuilder<?>> stores(Function<String, KeyValueBytesStoreSupplier> store) {
        List<StoreBuilder<?>> all = new ArrayList<>(IncidentStore.builders(store));
        // Cached: a brand's counters change with every mention, its changelog gets them once per commit.
        all.add(Stores.keyValueStoreBuilder(store.apply(HISTORY_STORE), Serdes.String(),
                new BrandHistorySerde()).withCachingEnabled());
        all.add(Stores.keyValueStoreBuilder(store.apply(SEEN_STORE), Serdes.String(), Serdes.Long()));
        return all;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.histories = context.getStateStore(HISTORY_STORE);
        this.seen = context.getStateStore(SEEN_STORE);
        this.incidents = IncidentStore.of(context);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::onTick);
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, nowMs -> publishUnpublished());
        context.schedule(digestInterval, PunctuationType.WALL_CLOCK_TIME, this::sendDigests);
        context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    }

    @Override
    public void process(Record<String, String> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.MENTIONS_SCORED);
        if (IncidentCommand.TOPIC.equals(topic)) {
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
        BrandHistory history = Optional.ofNullable(histories.get(brand)).orElseGet(BrandHistory::new);
        List<MentionRules.Finding> found = rules.evaluate(scored, record.timestamp(), history, settings.apply(brand));
        histories.put(brand, history);
        found.forEach(f -> onFinding(f, scored));
    }

    private void onFinding(MentionRules.Finding f, ScoredMention scored) {
        Detection d = f.detection();
        metrics.counter("earshot.alerts.raised", "brand", scored.mention().brand().id(), "kind",
                d.kind().name().toLowerCase(), "severity", d.severity().name().toLowerCase()).increment();
        Incident inc = incidents.current(scored.mention().brand().id(), d.cause());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        boolean opened = !lifecycle.folds(inc, f.eventMs());
        boolean reopened = false;
        Alert.Severity before = opened ? null : inc.severity;
        if (opened) {
            Detection naming = new Detection(f.openAs(), d.severity(), d.cause(), d.rule(), d.summary(), d.figures());
            inc = lifecycle.open(naming, scored, f.eventMs(), now);
        } else {
            reopened = lifecycle.fold(inc, d, scored, f.eventMs(), now);
        }
        NotificationPolicy.Decision decision = policy.onDetection(inc.subject(), opened, reopened, now.toEpochMilli());
        inc.keep(decision.notice());
        if (opened) {
            incidents.opened(inc);
            Log.infof("Incident %s opened (%s, %s): %s", inc.id, inc.brand.name(), inc.severity, inc.why.summary());
        } else {
            incidents.save(inc);
        }
        if (opened || reopened || inc.severity != before || decision.tell().isPresent()) {
            publish(inc, decision.tell());
        } else {
            incidents.unpublished(inc);
        }
    }

    private void onCommand(Record<String, String> record) {
        CommandHandler.Outcome outcome = commands.handle(record.value(), incidents,
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        if (outcome instanceof CommandHandler.Refused r) {
            metrics.counter("earshot.alerts.commands.refused", "reason", r.reason()).increment();
            deadLetter(record, "incident command refused (" + r.reason() + "): " + r.detail());
        } else if (outcome instanceof CommandHandler.UnknownIncident u) {
            Log.warnf("Ignoring %s of unknown incident %s", u.command().action(), u.command().incidentId());
        } else if (outcome instanceof CommandHandler.EarlierLink e) {
            // Not hostile: someone clicked the link of an email sent before the incident was re-opened.
            metrics.counter("earshot.alerts.commands.refused", "reason", "earlier-alert-link").increment();
            Log.infof("Incident %s: a link from revision %d does not acknowledge it since it re-opened at revision %d",
                    e.incident().id, e.command().linkRevision(), e.incident().episodeRevision);
        } else if (outcome instanceof CommandHandler.Changed c) {
            publish(c.incident(), Optional.empty());
            Log.infof("Incident %s: %s by %s, now %s", c.incident().id,
                    c.command().action().name().toLowerCase(java.util.Locale.ROOT), c.command().by(), c.incident().state);
        }
    }

    /** The incident's newest revision to {@code alerts} (it is already saved), and what to tell. */
    private void publish(Incident inc, Optional<Notification.Purpose> tell) {
        Alert alert = inc.toAlert();
        context.forward(new Record<>(inc.id, EventJson.writeString(alert), context.currentSystemTimeMs()), ALERTS_SINK);
        incidents.published(inc.id);
        tell.ifPresent(purpose -> notify(Notification.about(alert, purpose)));
    }

    private void publishUnpublished() {
        incidents.unpublished().forEach(inc -> publish(inc, Optional.empty()));
    }

    private void notify(Notification n) {
        context.forward(new Record<>(n.id(), EventJson.writeString(n), context.currentSystemTimeMs()), NOTIFY_SINK);
    }

    private void onTick(long nowMs) {
        for (Incident inc : incidents.due()) {
            NotificationPolicy.Decision decision = policy.onTick(inc.subject(), nowMs);
            if (inc.keep(decision.notice()) || decision.tell().isPresent()) {
                incidents.save(inc);
                if (decision.tell().isPresent() && incidents.isUnpublished(inc.id)) {
                    publish(inc, decision.tell()); // the revision told is on alerts before its email
                } else {
                    decision.tell().ifPresent(purpose -> notify(Notification.about(inc.toAlert(), purpose)));
                }
            }
        }
    }

    private void sendDigests(long nowMs) {
        Map<String, List<Incident>> byBrand = new LinkedHashMap<>();
        for (Incident inc : incidents.due()) {
            if (inc.inDigest) {
                byBrand.computeIfAbsent(inc.brand.id(), b -> new ArrayList<>()).add(inc);
            }
        }
        byBrand.forEach((brand, list) -> {
            list.forEach(inc -> {
                inc.inDigest = false;
                incidents.save(inc);
            });
            notify(Notification.digest(brand, list.stream().map(Incident::toAlert).toList(), nowMs));
        });
    }

    private void forgetOld(long nowMs) {
        long horizon = nowMs - retention.toMillis();
        incidents.forgetOlderThan(horizon);
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
                DeadLetters.headers(record.headers(), reason, topic, partition, offset)), DLQ_SINK);
        metrics.counter("earshot.alerts.dead.letters", "topic", topic).increment();
        Log.warnf("Record on %s sent to %s: %s", topic, Topics.MENTIONS_SCORED_DLQ, reason);
    }
}
