package dev.earshot.kafka.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.Map;
import java.util.Optional;

/**
 * Quarkus test resource giving a test a real Kafka broker: the in-JVM {@link EmbeddedKafkaBroker},
 * or a {@link KafkaImageContainer} only when a local Kafka image is named explicitly (a Docker engine
 * that happens to answer changes nothing). Sets {@code kafka.bootstrap.servers} and fills test fields
 * annotated {@link InjectKafkaCompanion} with a companion for that broker.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker embedded;
    private KafkaImageContainer container;
    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        String bootstrap;
        Optional<String> image = KafkaImageContainer.requestedImage();
        if (image.isPresent()) {
            container = KafkaImageContainer.start(image.get());
            bootstrap = container.bootstrapServers();
        } else {
            embedded = EmbeddedKafkaBroker.start();
            bootstrap = embedded.bootstrapServers();
        }
        companion = new KafkaCompanion(bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap, "quarkus.kafka.devservices.enabled", "false");
    }

    /** Whether this resource runs its broker in a container (for its own test). */
    boolean inContainer() {
        return container != null;
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
            container.close();
        }
    }
}
