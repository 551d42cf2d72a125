package dev.earshot.alert.detection;

import dev.earshot.alert.AlertConfig;
import dev.earshot.alert.BrandCatalog;
import dev.earshot.alert.incident.CommandGate;
import dev.earshot.alert.incident.CommandSignatures;
import dev.earshot.alert.incident.Incident;
import dev.earshot.alert.incident.IncidentLifecycle;
import dev.earshot.alert.incident.IncidentProcessor;
import dev.earshot.alert.messaging.JsonSerde;
import dev.earshot.alert.notification.MonitorProcessor;
import dev.earshot.alert.notification.NotificationPolicy;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * alert-service's Kafka Streams topology, a CDI bean (the tests drive this very bean with
 * {@code TopologyTestDriver}):
 *
 * <pre>
 * mentions-scored ─┐                                   ┌─▶ alerts (key: incident id)
 *                  ├─▶ incidents (rules, incidents) ───┼─▶ mentions-scored-dlq (records it cannot act on)
 * commands ────────┘                                   └─▶ notifications
 * monitors ─────────▶ monitor notices ─────────────────────▶ notifications
 * </pre>
 *
 * The notifications are delivered outside the topology, by {@code OutboxWorker}, so no send ever
 * runs inside a stream transaction.
 */
@Singleton
public class DetectionTopology {

    /** Internal topic of staff commands (acknowledge, resolve, snooze), keyed by brand id. */
    public static final String COMMANDS_TOPIC = "alert-service-incident-commands";
    /** Internal topic of notifications to deliver, keyed by notification id. */
    public static final String NOTIFICATIONS_TOPIC = "alert-service-notifications";

    public static final String HISTORY_STORE = "brand-history";
    public static final String INCIDENT_STORE = "incidents";
    public static final String CURRENT_STORE = "current-incidents";
    public static final String SEEN_STORE = "seen-mentions";
    public static final String DUE_STORE = "incidents-due";
    public static final String MONITOR_STORE = "monitor-status";

    public static final String ALERTS_SINK = "alerts-sink";
    public static final String DLQ_SINK = "dlq-sink";
    public static final String NOTIFY_SINK = "notifications-sink";

    /** Everything the topology needs, so tests can build it with their own channels and settings. */
    public static Topology build(AlertConfig config, BrandCatalog catalog, MeterRegistry metrics,
            CommandSignatures signatures) {
        return build(config, catalog, metrics, signatures, true);
    }

    /**
     * @param persistent RocksDB stores (production); false = in-memory stores, changelog-backed all the
     *                   same, for tests whose driver commits after every record
     */
    public static Topology build(AlertConfig config, BrandCatalog catalog, MeterRegistry metrics,
            CommandSignatures signatures, boolean persistent) {
        Function<String, KeyValueBytesStoreSupplier> store = persistent ? Stores::persistentKeyValueStore
                : Stores::inMemoryKeyValueStore;
        AlertConfig.Notify notify = config.notifications();
        AlertConfig.Incidents inc = config.incidents();
        IncidentLifecycle lifecycle = new IncidentLifecycle(inc.foldWindow(), inc.worstMentions(), inc.excerptChars());
        NotificationPolicy policy = new NotificationPolicy(notify.updateInterval(), notify.escalateAfter());
        CommandGate gate = new CommandGate(signatures);
        StringDeserializer in = new StringDeserializer();
        StringSerializer out = new StringSerializer();

        Topology t = new Topology();
        t.addSource("mentions", in, in, Topics.MENTIONS_SCORED);
        t.addSource("commands", in, in, COMMANDS_TOPIC);
        t.addProcessor("incidents", () -> new IncidentProcessor(catalog, lifecycle, policy, notify.tick(),
                notify.digestInterval(), inc.retention(), metrics, gate), "mentions", "commands");
        t.addStateStore(Stores.keyValueStoreBuilder(store.apply(HISTORY_STORE), Serdes.String(),
                new JsonSerde<>(BrandHistory.class)), "incidents");
        t.addStateStore(Stores.keyValueStoreBuilder(store.apply(INCIDENT_STORE), Serdes.String(),
                new JsonSerde<>(Incident.class)), "incidents");
        t.addStateStore(Stores.keyValueStoreBuilder(store.apply(CURRENT_STORE), Serdes.String(),
                Serdes.String()), "incidents");
        t.addStateStore(Stores.keyValueStoreBuilder(store.apply(SEEN_STORE), Serdes.String(),
                Serdes.Long()), "incidents");
        t.addStateStore(Stores.keyValueStoreBuilder(store.apply(DUE_STORE), Serdes.String(),
                Serdes.Long()), "incidents");
        t.addSink(ALERTS_SINK, Topics.ALERTS, out, out, "incidents");
        t.addSink(DLQ_SINK, Topics.MENTIONS_SCORED_DLQ, out, out, "incidents");

        t.addSource("monitors", in, in, Topics.MONITORS);
        t.addProcessor("monitor-notices", MonitorProcessor::new, "monitors");
        t.addStateStore(Stores.keyValueStoreBuilder(store.apply(MONITOR_STORE), Serdes.String(),
                Serdes.String()), "monitor-notices");
        t.addSink(NOTIFY_SINK, NOTIFICATIONS_TOPIC, out, out, "incidents", "monitor-notices");

        return t;
    }

    @Produces
    @Singleton
    Topology topology(AlertConfig config, BrandCatalog catalog, MeterRegistry metrics, CommandSignatures signatures) {
        return build(config, catalog, metrics, signatures);
    }
}
