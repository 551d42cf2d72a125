package dev.earshot.alert.incident;

import dev.earshot.alert.messaging.JsonSerde;
import dev.earshot.events.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A stream task's incidents: the incidents by id, the pointer to each brand's current incident per cause,
 * and the small index of incidents a timer may still act on, so a tick never reads the whole store.
 */
public final class IncidentStore {

    /** Incidents by id (read by the REST API through interactive queries). */
    public static final String INCIDENTS = "incidents";
    /** {@code <brand>|<cause>} to the id of the incident new detections may fold into. */
    public static final String CURRENT = "current-incidents";
    /** Ids of incidents a timer may act on (update held back, escalation, digest). */
    public static final String DUE = "incidents-due";

    private final KeyValueStore<String, Incident> incidents;
    private final KeyValueStore<String, String> current;
    private final KeyValueStore<String, Long> due;

    public IncidentStore(KeyValueStore<String, Incident> incidents, KeyValueStore<String, String> current,
            KeyValueStore<String, Long> due) {
        this.incidents = incidents;
        this.current = current;
        this.due = due;
    }

    /** The stores of a task, from its context (they are declared by {@link #builders}). */
    public static IncidentStore of(ProcessingContext context) {
        return new IncidentStore(context.getStateStore(INCIDENTS), context.getStateStore(CURRENT),
                context.getStateStore(DUE));
    }

    static List<StoreBuilder<?>> builders(Function<String, KeyValueBytesStoreSupplier> store) {
        return List.of(
                Stores.keyValueStoreBuilder(store.apply(INCIDENTS), Serdes.String(), new JsonSerde<>(Incident.class)),
                Stores.keyValueStoreBuilder(store.apply(CURRENT), Serdes.String(), Serdes.String()),
                Stores.keyValueStoreBuilder(store.apply(DUE), Serdes.String(), Serdes.Long()));
    }

    public Incident get(String id) {
        return incidents.get(id);
    }

    /** The brand's incident of this cause that new detections may fold into, if any. */
    public Incident current(String brand, String cause) {
        String id = current.get(brand + "|" + cause);
        return id == null ? null : incidents.get(id);
    }

    /** Stores a newly opened incident and makes it the brand's current one for its cause. */
    public void opened(Incident inc) {
        current.put(inc.brand.id() + "|" + inc.cause, inc.id);
        save(inc);
    }

    /** Stores the incident, and keeps the index of incidents a timer may still act on. */
    public void save(Incident inc) {
        incidents.put(inc.id, inc);
        boolean timerMayAct = inc.inDigest || (inc.state != Alert.State.RESOLVED && (inc.updatePending
                || (inc.severity == Alert.Severity.HIGH && inc.state == Alert.State.OPEN && !inc.escalated)));
        if (timerMayAct) {
            due.put(inc.id, inc.lastDetectionMs);
        } else if (due.get(inc.id) != null) {
            due.delete(inc.id);
        }
    }

    /** The incidents a timer may act on; ids whose incident is gone are dropped from the index. */
    public List<Incident> due() {
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

    /**
     * Forgets incidents unchanged since {@code horizonMs}, open or acknowledged ones too: past the retention
     * no mention can fold into them any more (the fold window is hours), and nobody acted on them; the alerts
     * topic keeps their story. Pointers to forgotten incidents go with them.
     */
    public void forgetOlderThan(long horizonMs) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Incident> all = incidents.all()) {
            while (all.hasNext()) {
                KeyValue<String, Incident> kv = all.next();
                if (kv.value.updatedAt.toEpochMilli() < horizonMs) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(id -> {
            incidents.delete(id);
            if (due.get(id) != null) {
                due.delete(id);
            }
        });
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, String> all = current.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> kv = all.next();
                if (incidents.get(kv.value) == null) {
                    stale.add(kv.key);
                }
            }
        }
        stale.forEach(current::delete);
    }
}
