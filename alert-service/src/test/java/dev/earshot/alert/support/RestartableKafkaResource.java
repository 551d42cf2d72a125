package dev.earshot.alert.support;

import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The in-JVM broker with a fixed port and data folder, so a test can stop it and start it again
 * under the running service, as an operator restarting Kafka would.
 */
public class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RestartableKafkaResource current;

    private Path dataDir;
    private int port;
    private volatile EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("earshot-kafka-restart-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = freePort();
        broker = EmbeddedKafkaBroker.start(dataDir, port, false);
        current = this;
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "quarkus.kafka.devservices.enabled", "false");
    }

    /** Stops the broker, waits {@code down}, and starts it again on the same port and data. */
    public static void restart(Duration down) throws InterruptedException {
        RestartableKafkaResource r = current;
        r.broker.close();
        Thread.sleep(down.toMillis());
        r.broker = EmbeddedKafkaBroker.start(r.dataDir, r.port, false);
    }

    public static String bootstrapServers() {
        return current.broker.bootstrapServers();
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
        current = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
