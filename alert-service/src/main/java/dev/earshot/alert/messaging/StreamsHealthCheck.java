package dev.earshot.alert.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Kafka Streams runs, its state folder is writable and its thread is not crash-looping. A
 * rebalance after it first ran keeps it ready (partitions move between replicas); the first one at
 * start-up does not, so the service is not called ready before it has its partitions and restored
 * stores. (The extension's own readiness check only says the input topics exist.)
 */
@Readiness
@ApplicationScoped
public class StreamsHealthCheck implements HealthCheck {

    private final KafkaStreams streams;
    private final StreamsHooks hooks;
    private final Path stateDir;

    public StreamsHealthCheck(KafkaStreams streams, StreamsHooks hooks, StreamsConfig config) {
        this.streams = streams;
        this.hooks = hooks;
        this.stateDir = Path.of(config.getString(StreamsConfig.STATE_DIR_CONFIG));
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        boolean writable = Files.isDirectory(stateDir) && Files.isWritable(stateDir);
        boolean looping = hooks.crashLooping();
        boolean up = (state == KafkaStreams.State.RUNNING
                || (state == KafkaStreams.State.REBALANCING && hooks.hasRun())) && writable && !looping;
        return HealthCheckResponse.named("kafka-streams").status(up).withData("state", state.name())
                .withData("crashLooping", looping)
                .withData("stateDir", String.valueOf(stateDir)).withData("stateDirWritable", writable).build();
    }
}
