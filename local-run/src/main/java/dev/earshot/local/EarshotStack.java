package dev.earshot.local;

import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline on one machine: the embedded broker with Earshot's topics, and the three
 * services as separate JVMs wired to it. Used by the local run and by the end-to-end tests.
 */
public final class EarshotStack implements AutoCloseable {

    /** Partitions of each Earshot topic here; keys are brand ids, so a brand stays on one partition. */
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaBroker broker;
    private final List<ServiceProcess> services;

    private EarshotStack(EmbeddedKafkaBroker broker, List<ServiceProcess> services) {
        this.broker = broker;
        this.services = services;
    }

    /**
     * @param repoRoot     the checkout, whose services have been packaged
     * @param dataDir      where the broker keeps its log and the services their logs
     * @param kafkaPort    0 for any free port
     * @param ports        HTTP ports of ingest, sentiment and alert
     * @param serviceEnv   environment shared by the services (catalog, SMTP, poll interval, ...)
     * @param echo         where to copy service output, or null
     */
    public static EarshotStack start(Path repoRoot, Path dataDir, int kafkaPort, int[] ports,
            Map<String, String> serviceEnv, PrintStream echo) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, false);
        broker.createTopics(PARTITIONS, Topics.MENTIONS, Topics.MENTIONS_SCORED, Topics.ALERTS, Topics.MENTIONS_DLQ,
                Topics.MENTIONS_SCORED_DLQ);
        Map<String, String> env = new HashMap<>(serviceEnv);
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        List<ServiceProcess> services = new ArrayList<>();
        EarshotStack stack = new EarshotStack(broker, services);
        try {
            String[] modules = {"ingest-service", "sentiment-service", "alert-service"};
            for (int i = 0; i < modules.length; i++) {
                services.add(ServiceProcess.start(repoRoot, modules[i], ports[i], env,
                        dataDir.resolve("logs").resolve(modules[i] + ".log"), echo));
            }
            for (ServiceProcess service : services) {
                service.awaitReady(Duration.ofSeconds(90));
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public List<ServiceProcess> services() {
        return services;
    }

    /** Stops the services first, so they commit their offsets while the broker is still there. */
    @Override
    public void close() {
        services.parallelStream().forEach(ServiceProcess::close);
        broker.close();
    }
}
