package dev.earshot.alert.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Not live while the stream thread is crash-looping ({@link ThreadFailures#LOOP_FAILURES} failures within ten
 * minutes): the replaced thread replays from the last commit and never gets past the record, so a restart of the
 * process is the remedy. Kafka Streams in ERROR or stopped is the extension's own liveness check.
 */
@Liveness
@ApplicationScoped
public class StreamsLiveness implements HealthCheck {

    private final StreamsHooks hooks;

    public StreamsLiveness(StreamsHooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public HealthCheckResponse call() {
        boolean looping = hooks.crashLooping();
        return HealthCheckResponse.named("kafka-streams-thread").status(!looping).withData("crashLooping", looping)
                .build();
    }
}
