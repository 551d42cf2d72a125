package dev.earshot.alert.api;

import dev.earshot.alert.incident.Incident;
import dev.earshot.events.Alert;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/** {@code earshot_alerts_incidents{state}}: incidents this replica holds, by state, read from the store at each scrape. */
@ApplicationScoped
public class IncidentMetrics {

    private final IncidentQueries queries;
    private final MeterRegistry registry;

    public IncidentMetrics(IncidentQueries queries, MeterRegistry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (Alert.State state : Alert.State.values()) {
            Gauge.builder("earshot.alerts.incidents", () -> count(state))
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Incidents held by this replica, by state").register(registry);
        }
    }

    private double count(Alert.State state) {
        try {
            return queries.all().stream().map((Incident i) -> i.state).filter(state::equals).count();
        } catch (RuntimeException e) {
            return Double.NaN; // the store is not queryable while Kafka Streams starts or rebalances
        }
    }
}
