package dev.earshot.kafka.embedded;

import static dev.earshot.kafka.embedded.EmbeddedKafkaBrokerTest.consumeAll;
import static dev.earshot.kafka.embedded.EmbeddedKafkaBrokerTest.produce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Which broker the tests get: the embedded one unless a local Kafka image is named, even where a
 * Docker engine answers (other tests on a shared machine must not start pulling images).
 */
class KafkaBrokerResourceTest {

    private final String asked = System.getProperty(KafkaImageContainer.IMAGE_PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (asked == null) {
            System.clearProperty(KafkaImageContainer.IMAGE_PROPERTY);
        } else {
            System.setProperty(KafkaImageContainer.IMAGE_PROPERTY, asked);
        }
    }

    @Test
    void usesTheEmbeddedBrokerWhenNoImageIsNamed() throws Exception {
        assumeTrue(System.getenv(KafkaImageContainer.IMAGE_ENV) == null, "this run names an image in the environment");
        System.clearProperty(KafkaImageContainer.IMAGE_PROPERTY);
        KafkaBrokerResource resource = new KafkaBrokerResource();
        try {
            String bootstrap = resource.start().get("kafka.bootstrap.servers");
            assertFalse(resource.inContainer());
            produce(bootstrap, "resource-test", "k", "on the embedded broker");
            assertEquals(List.of("on the embedded broker"), consumeAll(bootstrap, "resource-test", 1));
        } finally {
            resource.stop();
        }
    }

    @Test
    void aNamedImageThatIsNotLocalFailsWithWhatToDoInsteadOfBeingPulled() {
        System.setProperty(KafkaImageContainer.IMAGE_PROPERTY, "earshot-test/no-such-kafka:0");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new KafkaBrokerResource().start());
        assertTrue(e.getMessage().contains(KafkaImageContainer.IMAGE_PROPERTY), e.getMessage());
    }

    @Test
    void aBlankNameCountsAsNotAsked() {
        assumeTrue(System.getenv(KafkaImageContainer.IMAGE_ENV) == null, "this run names an image in the environment");
        System.setProperty(KafkaImageContainer.IMAGE_PROPERTY, " ");
        assertTrue(KafkaImageContainer.requestedImage().isEmpty());
    }

    /** Runs where CI built the local image and named it (deploy/compose-smoke). */
    @Test
    @EnabledIf("imageNamed")
    void theNamedLocalImageRunsABrokerThatTakesRecords() throws Exception {
        KafkaBrokerResource resource = new KafkaBrokerResource();
        try {
            Map<String, String> config = resource.start();
            assertTrue(resource.inContainer());
            String bootstrap = config.get("kafka.bootstrap.servers");
            TopicAdmin.createMissing(bootstrap, 2, List.of("container-test"));
            produce(bootstrap, "container-test", "k", "in the container");
            assertEquals(List.of("in the container"), consumeAll(bootstrap, "container-test", 1));
        } finally {
            resource.stop();
        }
    }

    static boolean imageNamed() {
        return KafkaImageContainer.requestedImage().isPresent();
    }
}
