package dev.earshot.alert.support;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** Another alert-service replica in the test JVM: the service's own Kafka Streams settings and topology. */
public final class Replica {

    private Replica() {
    }

    /**
     * Started with the service's settings (as the extension built them), its own state folder and static
     * membership id, plus {@code overrides}.
     */
    public static KafkaStreams start(Topology topology, StreamsConfig serviceConfig, Path stateDir, String instanceId,
            Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(serviceConfig.originals());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        props.putAll(overrides);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        return streams;
    }
}
