package dev.earshot.alert.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless Kafka Streams is stuck for good: in ERROR (it will not recover by itself), or its stream
 * thread crash-looping ({@link ThreadFailures#LOOP_FAILURES} failures within ten minutes). A restart
 * of the process is then the remedy; a rebalance or a broker outage is not a stall.
 */
@Liveness
@ApplicationScoped
public class StreamsLiveness implements HealthCheck {

    private final StreamsRuntime runtime;

    public StreamsLiveness(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = runtime.state();
        boolean looping = runtime.crashLooping();
        return HealthCheckResponse.named("kafka-streams-thread").status(state != KafkaStreams.State.ERROR && !looping)
                .withData("state", state.name()).withData("crashLooping", looping).build();
    }
}
