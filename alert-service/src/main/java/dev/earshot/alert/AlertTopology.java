package dev.earshot.alert;

import dev.earshot.alert.catalog.BrandCatalog;
import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.incident.CommandGate;
import dev.earshot.alert.incident.CommandHandler;
import dev.earshot.alert.incident.CommandSignatures;
import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.alert.incident.IncidentLifecycle;
import dev.earshot.alert.incident.IncidentProcessor;
import dev.earshot.alert.notification.MonitorProcessor;
import dev.earshot.alert.notification.Notification;
import dev.earshot.alert.notification.NotificationPolicy;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * alert-service's Kafka Streams topology, the wiring above the processors (each declares its own stores
 * and sinks); the Kafka Streams extension runs it, and the tests drive this very bean with
 * {@code TopologyTestDriver}:
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
public class AlertTopology {

    /** Everything the topology needs, so tests can build it with their own settings. */
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
        CommandHandler commands = new CommandHandler(new CommandGate(signatures), lifecycle);
        StringDeserializer in = new StringDeserializer();
        StringSerializer out = new StringSerializer();

        Topology t = new Topology();
        t.addSource("mentions", in, in, Topics.MENTIONS_SCORED);
        t.addSource("commands", in, in, IncidentCommand.TOPIC);
        t.addProcessor("incidents", () -> new IncidentProcessor(catalog::settings, lifecycle, policy, commands,
                notify.tick(), inc.publishInterval(), notify.digestInterval(), inc.retention(), metrics), "mentions", "commands");
        IncidentProcessor.stores(store).forEach(builder -> t.addStateStore(builder, "incidents"));
        t.addSink(IncidentProcessor.ALERTS_SINK, Topics.ALERTS, out, out, "incidents");
        t.addSink(IncidentProcessor.DLQ_SINK, Topics.MENTIONS_SCORED_DLQ, out, out, "incidents");
        t.addSink(IncidentProcessor.NOTIFY_SINK, Notification.TOPIC, out, out, "incidents");

        t.addSource("monitors", in, in, Topics.MONITORS);
        t.addProcessor("monitor-notices", MonitorProcessor::new, "monitors");
        t.addStateStore(MonitorProcessor.store(store), "monitor-notices");
        t.addSink(MonitorProcessor.NOTIFY_SINK, Notification.TOPIC, out, out, "monitor-notices");
        return t;
    }

    @Produces
    @Singleton
    Topology topology(AlertConfig config, BrandCatalog catalog, MeterRegistry metrics, CommandSignatures signatures) {
        return build(config, catalog, metrics, signatures);
    }
}
