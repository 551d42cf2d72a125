package dev.earshot.alert.incident;

import dev.earshot.alert.messaging.JsonSerde;
import dev.earshot.events.Alert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * the small index of incidents a timer may still act on, so a tick never reads the whole store, and the
 * incidents whose newest revision is not yet on {@code alerts}.
 *
 * <p>The stores are cached (one changelog record per key and commit, not one per fold), and the incidents
 * this task read or wrote last are kept as objects too: the task is the stores' only writer and a new
 * {@code IncidentStore} is made at every (re-)initialisation of the task, so the objects never differ from
 * the store, and a fold does not parse the incident's JSON again.
 */
public final class IncidentStore {

    /** Incidents by id (read by the REST API through interactive queries). */
    public static final String INCIDENTS = "incidents";
    /** {@code <brand>|<cause>} to the id of the incident new detections may fold into. */
    public static final String CURRENT = "current-incidents";
    /** Ids of incidents a timer may act on (update held back, escalation, digest). */
    public static final String DUE = "incidents-due";
    /** Ids of incidents with a revision not yet published on {@code alerts} (to the revision). */
    public static final String UNPUBLISHED = "incidents-unpublished";

    /** Incidents kept as objects, the most recently used. */
    private static final int LIVE_INCIDENTS = 500;

    private final KeyValueStore<String, Incident> incidents;
    private final KeyValueStore<String, String> current;
    private final KeyValueStore<String, Long> due;
    private final KeyValueStore<String, Long> unpublished;
    private final Map<String, Incident> live = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Incident> eldest) {
            return size() > LIVE_INCIDENTS;
        }
    };

    public IncidentStore(KeyValueStore<String, Incident> incidents, KeyValueStore<String, String> current,
            KeyValueStore<String, Long> due, KeyValueStore<String, Long> unpublished) {
        this.incidents = incidents;
        this.current = current;
        this.due = due;
        this.unpublished = unpublished;
    }

    /** The stores of a task, from its context (they are declared by {@link #builders}). */
    public static IncidentStore of(ProcessingContext context) {
        return new IncidentStore(context.getStateStore(INCIDENTS), context.getStateStore(CURRENT),
                context.getStateStore(DUE), context.getStateStore(UNPUBLISHED));
    }

    static List<StoreBuilder<?>> builders(Function<String, KeyValueBytesStoreSupplier> store) {
        return List.of(
                Stores.keyValueStoreBuilder(store.apply(INCIDENTS), Serdes.String(), new JsonSerde<>(Incident.class))
                        .withCachingEnabled(),
                Stores.keyValueStoreBuilder(store.apply(CURRENT), Serdes.String(), Serdes.String()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(store.apply(DUE), Serdes.String(), Serdes.Long()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(store.apply(UNPUBLISHED), Serdes.String(), Serdes.Long())
                        .withCachingEnabled());
    }

    public Incident get(String id) {
        Incident inc = live.get(id);
        if (inc == null) {
            inc = incidents.get(id);
            if (inc != null) {
                live.put(id, inc);
            }
        }
        return inc;
    }

    /** The brand's incident of this cause that new detections may fold into, if any. */
    public Incident current(String brand, String cause) {
        String id = current.get(brand + "|" + cause);
        return id == null ? null : get(id);
    }

    /** Stores a newly opened incident and makes it the brand's current one for its cause. */
    public void opened(Incident inc) {
        current.put(inc.brand.id() + "|" + inc.cause, inc.id);
        save(inc);
    }

    /** Stores the incident, and keeps the index of incidents a timer may still act on. */
    public void save(Incident inc) {
        incidents.put(inc.id, inc);
        live.put(inc.id, inc);
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
        return incidentsOf(due);
    }

    /** Notes that the incident's newest revision (it is saved) is still to be published on {@code alerts}. */
    public void unpublished(Incident inc) {
        unpublished.put(inc.id, (long) inc.revision);
    }

    /** Whether the incident has a revision not yet published. */
    public boolean isUnpublished(String id) {
        return unpublished.get(id) != null;
    }

    /** Notes that the incident's newest revision is published. */
    public void published(String id) {
        if (unpublished.get(id) != null) {
            unpublished.delete(id);
        }
    }

    /** The incidents with a revision not yet published; ids whose incident is gone are dropped. */
    public List<Incident> unpublished() {
        return incidentsOf(unpublished);
    }

    private List<Incident> incidentsOf(KeyValueStore<String, Long> index) {
        List<Incident> list = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, Long> ids = index.all()) {
            while (ids.hasNext()) {
                String id = ids.next().key;
                Incident inc = get(id);
                if (inc == null) {
                    gone.add(id);
                } else {
                    list.add(inc);
                }
            }
        }
        gone.forEach(index::delete);
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
            live.remove(id);
            if (due.get(id) != null) {
                due.delete(id);
            }
            published(id);
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
