package dev.earshot.kafka.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Quarkus test resource giving a test a real Kafka broker: a Testcontainers Kafka where a Docker
 * engine answers, otherwise the in-JVM {@link EmbeddedKafkaBroker}. Sets {@code kafka.bootstrap.servers}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** Image used when Docker is available; same Kafka line as the in-JVM broker. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private EmbeddedKafkaBroker embedded;
    private KafkaContainer container;

    @Override
    public Map<String, String> start() {
        String bootstrap;
        if (dockerAvailable()) {
            container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            bootstrap = container.getBootstrapServers();
        } else {
            embedded = EmbeddedKafkaBroker.start();
            bootstrap = embedded.bootstrapServers();
        }
        return Map.of("kafka.bootstrap.servers", bootstrap, "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        }
        if (container != null) {
            container.stop();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
