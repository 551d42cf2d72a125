package dev.earshot.kafka.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Quarkus test resource giving a test a real Kafka broker: a Testcontainers Kafka where a Docker
 * engine answers, otherwise the in-JVM {@link EmbeddedKafkaBroker}. Sets {@code kafka.bootstrap.servers}
 * and fills test fields annotated {@link InjectKafkaCompanion} with a companion for that broker.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** Image used when Docker is available; same Kafka line as the in-JVM broker. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private EmbeddedKafkaBroker embedded;
    private KafkaContainer container;
    private KafkaCompanion companion;

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
        companion = new KafkaCompanion(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap, "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (container != null) {
            container.stop();
        }
    }

    private static boolean dockerAvailable() {
        // Asking Testcontainers with no engine at all logs a page of errors; skip it when nothing could answer.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
