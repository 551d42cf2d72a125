package dev.earshot.alert.notification;

import dev.earshot.events.EventJson;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.MonitorEvent;
import io.quarkus.logging.Log;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Turns ingest-service's {@code monitors} events into "monitor broken" notifications for the
 * operators: one when a source starts failing or goes silent, none for the repeats while it stays
 * so, and none for a recovery (the state is remembered so the next breakage is told again).
 */
public final class MonitorProcessor implements Processor<String, String, String, String> {

    /** Per source: the last status seen. */
    public static final String STORE = "monitor-status";
    /** Where it forwards its notifications: the topology connects it to {@link Notification#TOPIC}. */
    public static final String NOTIFY_SINK = "monitor-notifications-sink";

    public static StoreBuilder<?> store(Function<String, KeyValueBytesStoreSupplier> store) {
        return Stores.keyValueStoreBuilder(store.apply(STORE), Serdes.String(), Serdes.String());
    }

    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> lastStatus;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.lastStatus = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        MonitorEvent event;
        try {
            event = EventJson.read(record.value(), MonitorEvent.class);
        } catch (MalformedEventException e) {
            Log.warnf("Ignoring an unreadable monitors record (key %s): %s", record.key(), e.getMessage());
            return;
        }
        String status = event.status().name();
        String before = lastStatus.get(event.sourceId());
        lastStatus.put(event.sourceId(), status);
        if (event.status() == MonitorEvent.Status.RECOVERED || status.equals(before)) {
            return;
        }
        Notification n = Notification.monitor(event);
        context.forward(new Record<>(n.id(), EventJson.writeString(n), context.currentSystemTimeMs()),
                NOTIFY_SINK);
    }
}
