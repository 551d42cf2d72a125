package dev.earshot.alert.api;

import dev.earshot.alert.incident.CommandSignatures;
import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.events.EventJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes staff commands to the internal commands topic keyed by brand id, waiting for Kafka's ack. */
@ApplicationScoped
public class CommandPublisher {

    /** Outgoing channel, mapped to {@link dev.earshot.alert.incident.IncidentCommand#TOPIC}. */
    public static final String CHANNEL = "incident-commands";

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<Record<String, String>> emitter;
    private final CommandSignatures signatures;

    public CommandPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, String>> emitter,
            CommandSignatures signatures) {
        this.emitter = emitter;
        this.signatures = signatures;
    }

    /** Signs the command and completes when Kafka has acknowledged it; retried a few times with backoff. */
    public Uni<Void> publish(IncidentCommand command) {
        String value = EventJson.writeString(signatures.sign(command));
        return Uni.createFrom().deferred(() -> emitter.send(Record.of(command.brandId(), value)))
                .ifNoItem().after(ACK_TIMEOUT).fail()
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3);
    }
}
