package dev.earshot.alert.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Kafka Streams runs, its state folder is writable and its thread is not crash-looping. A rebalance after it first ran
 * keeps it ready (partitions move between replicas); the first one at start-up does not, so the
 * service is not called ready before it has its partitions and restored stores.
 */
@Readiness
@ApplicationScoped
public class StreamsHealthCheck implements HealthCheck {

    private final StreamsRuntime runtime;

    public StreamsHealthCheck(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = runtime.state();
        Path dir = runtime.stateDir();
        boolean writable = dir != null && Files.isDirectory(dir) && Files.isWritable(dir);
        boolean up = (state == KafkaStreams.State.RUNNING
                || (state == KafkaStreams.State.REBALANCING && runtime.hasRun())) && writable && !runtime.crashLooping();
        return HealthCheckResponse.named("kafka-streams").status(up).withData("state", state.name())
                .withData("crashLooping", runtime.crashLooping())
                .withData("stateDir", String.valueOf(dir)).withData("stateDirWritable", writable).build();
    }
}
