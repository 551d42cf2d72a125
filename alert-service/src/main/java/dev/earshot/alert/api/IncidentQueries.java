package dev.earshot.alert.api;

import dev.earshot.alert.incident.Incident;
import dev.earshot.alert.incident.IncidentStore;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads incidents from this replica's incident store (Kafka Streams interactive queries). With
 * several replicas each one answers for its own partitions; the {@code alerts} topic has them all.
 */
@ApplicationScoped
public class IncidentQueries {

    private final KafkaStreams streams;

    public IncidentQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    public List<Incident> all() {
        List<Incident> list = new ArrayList<>();
        try (KeyValueIterator<String, Incident> it = store().all()) {
            it.forEachRemaining(kv -> list.add(kv.value));
        }
        return list;
    }

    public Optional<Incident> byId(String id) {
        return Optional.ofNullable(store().get(id));
    }

    private ReadOnlyKeyValueStore<String, Incident> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(IncidentStore.INCIDENTS,
                QueryableStoreTypes.<String, Incident>keyValueStore()));
    }
}
