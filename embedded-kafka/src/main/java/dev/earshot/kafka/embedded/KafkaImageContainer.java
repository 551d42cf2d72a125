package dev.earshot.kafka.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A single-node Kafka (KRaft) in a Testcontainers container of an image that is already on the local
 * Docker engine, configured the way the {@code apache/kafka} image is (KAFKA_* variables). Used only
 * when asked for by name ({@value #IMAGE_PROPERTY} or {@value #IMAGE_ENV}): a Docker engine that merely
 * answers changes no test, and nothing is ever pulled (no registry may be reachable).
 *
 * <p>Host networking with free loopback ports, because an engine started with {@code --bridge=none}
 * (as on the CI machine) has no network to map ports from.
 */
public final class KafkaImageContainer implements AutoCloseable {

    /** System property naming the local Kafka image to test against, e.g. {@code earshot-local/kafka:4.1.2}. */
    public static final String IMAGE_PROPERTY = "earshot.kafka.image";
    /** Environment variable with the same meaning, for runs that cannot pass system properties down. */
    public static final String IMAGE_ENV = "EARSHOT_KAFKA_IMAGE";

    private final GenericContainer<?> container;
    private final String bootstrapServers;

    private KafkaImageContainer(GenericContainer<?> container, String bootstrapServers) {
        this.container = container;
        this.bootstrapServers = bootstrapServers;
    }

    /** The image asked for, if any; blank counts as not asked. */
    public static Optional<String> requestedImage() {
        String image = System.getProperty(IMAGE_PROPERTY, System.getenv(IMAGE_ENV));
        return image == null || image.isBlank() ? Optional.empty() : Optional.of(image.trim());
    }

    /**
     * Starts the broker and waits until it takes requests.
     *
     * @throws IllegalStateException, saying what to do, when the engine does not answer, the image is
     *         not present locally, or Testcontainers' reaper would have to be pulled
     */
    public static KafkaImageContainer start(String image) {
        checkRunnable(image);
        int[] ports = EmbeddedKafkaBroker.freePorts(2);
        int brokerPort = ports[0];
        int controllerPort = ports[1];
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withNetworkMode("host")
                .withEnv(environment(brokerPort, controllerPort))
                .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1)
                        .withStartupTimeout(Duration.ofSeconds(120)));
        container.start();
        return new KafkaImageContainer(container, "127.0.0.1:" + brokerPort);
    }

    /** The {@code bootstrap.servers} value that clients use. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The container's output so far, for a failing test's message. */
    public String logs() {
        return container.getLogs();
    }

    /** Stops and removes the container (there is no reaper to do it). */
    @Override
    public void close() {
        container.stop();
    }

    /** The same one-broker settings as {@link EmbeddedKafkaBroker}, in the apache/kafka image's variables. */
    static Map<String, String> environment(int brokerPort, int controllerPort) {
        return Map.ofEntries(
                Map.entry("KAFKA_NODE_ID", "1"),
                Map.entry("KAFKA_PROCESS_ROLES", "broker,controller"),
                Map.entry("KAFKA_LISTENERS", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
                Map.entry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@127.0.0.1:" + controllerPort),
                Map.entry("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT"),
                Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
                Map.entry("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "5"),
                Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
                Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
                Map.entry("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "5"),
                Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1"),
                Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1"),
                Map.entry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"),
                Map.entry("KAFKA_NUM_PARTITIONS", "2"),
                Map.entry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true"),
                Map.entry("KAFKA_LOG_DIRS", "/tmp/kraft-logs"),
                Map.entry("KAFKA_HEAP_OPTS", "-Xms256m -Xmx512m"));
    }

    private static void checkRunnable(String image) {
        // Asking Testcontainers with no engine at all logs a page of errors; say it in one line instead.
        boolean socket = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!socket || !engineAnswers()) {
            throw new IllegalStateException(IMAGE_PROPERTY + "=" + image
                    + " asks for a Kafka container, but no Docker engine answers; unset it to use the embedded broker");
        }
        if (!present(image)) {
            throw new IllegalStateException("Kafka image " + image + " is not on the local Docker engine (it is never pulled);"
                    + " build it with deploy/compose-smoke/build-images.sh, or unset " + IMAGE_PROPERTY + "/" + IMAGE_ENV);
        }
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED")) && !present("testcontainers/ryuk")) {
            throw new IllegalStateException("Testcontainers' reaper image is not local and cannot be pulled here:"
                    + " run with TESTCONTAINERS_RYUK_DISABLED=true (this class removes its container itself)");
        }
    }

    private static boolean engineAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            // Inside a container Testcontainers looks for the engine's address on its bridge network.
            throw new IllegalStateException(IMAGE_PROPERTY + "/" + IMAGE_ENV + " asks for a Kafka container, but"
                    + " Testcontainers cannot use the Docker engine (" + String.valueOf(e.getMessage()).strip()
                    + "); on an engine without a bridge network run with TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1", e);
        }
    }

    /** Whether the engine has that image; a name without a tag matches any tag. */
    private static boolean present(String image) {
        boolean anyTag = !image.contains(":");
        return DockerClientFactory.instance().client().listImagesCmd().exec().stream()
                .filter(i -> i.getRepoTags() != null)
                .flatMap(i -> Arrays.stream(i.getRepoTags()))
                .anyMatch(tag -> anyTag ? tag.startsWith(image + ":") : tag.equals(image));
    }
}
