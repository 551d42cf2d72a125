package dev.earshot.alert.messaging;

import dev.earshot.events.Alert;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes alerts to the {@code alerts} topic keyed by incident id, waiting for Kafka's ack. */
@ApplicationScoped
public class AlertPublisher {

    /** Outgoing channel, mapped to topic {@link dev.earshot.events.Topics#ALERTS}. */
    public static final String CHANNEL = "alerts";

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<Record<String, Alert>> emitter;

    public AlertPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, Alert>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka has acknowledged the record. */
    public Uni<Void> publish(Alert alert) {
        return emitter.send(Record.of(alert.incidentId(), alert)).ifNoItem().after(ACK_TIMEOUT).fail();
    }
}
