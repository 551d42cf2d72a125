package dev.earshot.local;

import dev.earshot.postgres.embedded.EmbeddedPostgres;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import dev.earshot.kafka.embedded.TopicAdmin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline on one machine: the embedded broker with Earshot's topics, and the three
 * services as separate JVMs wired to it; with the {@link #CONSOLE} among the modules, also an embedded
 * PostgreSQL for its store and its users for this run. Used by the local run and by the end-to-end tests.
 */
public final class EarshotStack implements AutoCloseable {

    /** Partitions of each Earshot topic here; keys are brand ids, so a brand stays on one partition. */
    public static final int PARTITIONS = 3;

    /** Null when the broker is someone else's ({@link #startOn}). */
    private EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final List<ServiceProcess> services;
    private final Path brokerDir;
    private final Path repoRoot;
    private final Path dataDir;
    private final Map<String, String> env;
    /** The console's own settings on top of {@link #env} (its store, its users, where alert-service is). */
    private final Map<String, String> consoleEnv = new HashMap<>();
    private EmbeddedPostgres postgres;
    private ConsoleUsers consoleUsers;

    private EarshotStack(EmbeddedKafkaBroker broker, String bootstrapServers, List<ServiceProcess> services,
            Path brokerDir, Path repoRoot, Path dataDir, Map<String, String> env) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.services = services;
        this.brokerDir = brokerDir;
        this.repoRoot = repoRoot;
        this.dataDir = dataDir;
        this.env = env;
    }

    /** The three services' modules, in pipeline order. */
    public static final List<String> ALL_SERVICES = List.of("ingest-service", "sentiment-service", "alert-service");

    /** The console's module: it needs a PostgreSQL and users, which the stack provides when it runs it. */
    public static final String CONSOLE = "console";

    /** The console's database (and its owner's name) in the embedded PostgreSQL, as the console's default URL names it. */
    static final String CONSOLE_DATABASE = "earshot_console";

    /** All three services on the given HTTP ports (ingest, sentiment, alert). */
    public static EarshotStack start(Path repoRoot, Path dataDir, int kafkaPort, int[] ports,
            Map<String, String> serviceEnv, PrintStream echo) {
        return start(repoRoot, dataDir, kafkaPort, allServices(ports), serviceEnv, echo);
    }

    /**
     * All three services on a broker someone else runs (a Kafka container in a test): creates the
     * topics there, and leaves the broker running on close.
     */
    public static EarshotStack startOn(String bootstrapServers, Path repoRoot, Path dataDir, int[] ports,
            Map<String, String> serviceEnv, PrintStream echo) {
        TopicAdmin.createMissing(bootstrapServers, PARTITIONS, TOPICS);
        return launch(null, bootstrapServers, repoRoot, dataDir, allServices(ports), serviceEnv, echo);
    }

    private static final List<String> TOPICS = List.of(Topics.MENTIONS, Topics.MENTIONS_SCORED, Topics.ALERTS,
            Topics.MENTIONS_DLQ, Topics.MENTIONS_SCORED_DLQ);

    private static Map<String, Integer> allServices(int[] ports) {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (int i = 0; i < ALL_SERVICES.size(); i++) {
            services.put(ALL_SERVICES.get(i), ports[i]);
        }
        return services;
    }

    /**
     * @param repoRoot     the checkout, whose services have been packaged
     * @param dataDir      where the broker keeps its log and the services their logs
     * @param kafkaPort    0 for any free port
     * @param portsByModule the services to run (module name → HTTP port), in start order
     * @param serviceEnv   environment shared by the services (catalog, SMTP, poll interval, ...)
     * @param echo         where to copy service output, or null
     */
    public static EarshotStack start(Path repoRoot, Path dataDir, int kafkaPort, Map<String, Integer> portsByModule,
            Map<String, String> serviceEnv, PrintStream echo) {
        Path brokerDir = dataDir.resolve("kafka");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(brokerDir, kafkaPort, false);
        broker.createTopics(PARTITIONS, TOPICS);
        return launch(broker, broker.bootstrapServers(), repoRoot, dataDir, portsByModule, serviceEnv, echo);
    }

    private static EarshotStack launch(EmbeddedKafkaBroker broker, String bootstrapServers, Path repoRoot, Path dataDir,
            Map<String, Integer> portsByModule, Map<String, String> serviceEnv, PrintStream echo) {
        Map<String, String> env = localDefaults(dataDir, portsByModule);
        env.putAll(serviceEnv);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        List<ServiceProcess> services = new ArrayList<>();
        EarshotStack stack = new EarshotStack(broker, bootstrapServers, services, dataDir.resolve("kafka"), repoRoot,
                dataDir, env);
        try {
            if (portsByModule.containsKey(CONSOLE)) {
                stack.prepareConsole(portsByModule.get("alert-service"));
            }
            for (Map.Entry<String, Integer> module : portsByModule.entrySet()) {
                services.add(ServiceProcess.start(repoRoot, module.getKey(), module.getValue(),
                        stack.envOf(module.getKey()), dataDir.resolve("logs").resolve(module.getKey() + ".log"), echo));
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

    /**
     * The console's store and users: a fresh PostgreSQL cluster under the data folder ({@code postgres/}, its log in
     * {@code postgres/server.log}), a users file with this run's passwords, and alert-service on this machine for the
     * actions (with the shared {@code EARSHOT_API_TOKEN}, when the caller gave one).
     */
    private void prepareConsole(Integer alertPort) {
        postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0, CONSOLE_DATABASE, CONSOLE_DATABASE);
        consoleUsers = ConsoleUsers.write(dataDir.resolve("console").resolve("users.properties"));
        consoleEnv.put("EARSHOT_CONSOLE_DB_URL", postgres.jdbcUrl());
        consoleEnv.put("EARSHOT_CONSOLE_DB_USER", postgres.user());
        consoleEnv.put("EARSHOT_CONSOLE_DB_PASSWORD", postgres.password());
        consoleEnv.put("QUARKUS_CONFIG_LOCATIONS", consoleUsers.file().toString());
        if (alertPort != null) {
            consoleEnv.put("EARSHOT_ALERT_URL", "http://127.0.0.1:" + alertPort);
        }
    }

    private Map<String, String> envOf(String module) {
        if (!module.equals(CONSOLE)) {
            return env;
        }
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(consoleEnv);
        return merged;
    }

    /** The console's store; only when the stack runs the console. */
    public EmbeddedPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("the console is not running here");
        }
        return postgres;
    }

    /** The console's users and their passwords for this run; only when the stack runs the console. */
    public ConsoleUsers consoleUsers() {
        if (consoleUsers == null) {
            throw new IllegalStateException("the console is not running here");
        }
        return consoleUsers;
    }

    /**
     * What every local stack needs and a caller rarely cares about: the services listen on loopback
     * only (Quarkus' default is every interface) and, because nothing else reaches them, answer reads
     * from this machine without a token; a fresh secret for the acknowledge links, links that point
     * at this alert-service (and the console, when it runs), its state folder under the data folder, and private networks allowed
     * (local sources live on 127.0.0.1).
     */
    private static Map<String, String> localDefaults(Path dataDir, Map<String, Integer> portsByModule) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("EARSHOT_ACCESS_LOOPBACK_READS", "true");
        env.put("EARSHOT_ACK_SECRET", java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
        env.put("EARSHOT_ALERT_STREAMS_STATE_DIR", dataDir.resolve("alert-state").toString());
        env.put("EARSHOT_ALLOW_PRIVATE_NETWORKS", "true");
        Integer alertPort = portsByModule.get("alert-service");
        if (alertPort != null) {
            env.put("EARSHOT_PUBLIC_URL", "http://127.0.0.1:" + alertPort);
        }
        Integer consolePort = portsByModule.get(CONSOLE);
        if (consolePort != null) {
            // Emails link to the console's incident page, where a used acknowledge link lands.
            env.put("EARSHOT_CONSOLE_URL", "http://127.0.0.1:" + consolePort);
        }
        return env;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public List<ServiceProcess> services() {
        return services;
    }

    /** The running service of that module. */
    public ServiceProcess service(String module) {
        return services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(module + " is not running here"));
    }

    /** Kills a service as {@code kill -9} would, then starts it again on the same port and waits until ready. */
    public ServiceProcess killAndRestart(String module, Duration readyWithin) {
        ServiceProcess old = service(module);
        old.kill();
        ServiceProcess fresh = ServiceProcess.start(repoRoot, module, old.port(), envOf(module),
                dataDir.resolve("logs").resolve(module + "-restarted-" + System.currentTimeMillis() + ".log"), null);
        services.set(services.indexOf(old), fresh);
        fresh.awaitReady(readyWithin);
        return fresh;
    }

    /** Stops the broker and starts it again on the same port and data, while the services keep running. */
    public void restartBroker(Duration down) throws InterruptedException {
        if (broker == null) {
            throw new UnsupportedOperationException("the broker at " + bootstrapServers + " is not this stack's");
        }
        int port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
        broker.close();
        Thread.sleep(down.toMillis());
        broker = EmbeddedKafkaBroker.start(brokerDir, port, false);
    }

    /**
     * Stops the services first, so they commit their offsets while the broker (and the console's database) is still
     * there; then the database, so no PostgreSQL outlives the stack; then the broker.
     */
    @Override
    public void close() {
        services.parallelStream().forEach(ServiceProcess::close);
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                System.err.println("while stopping PostgreSQL: " + e.getMessage());
            }
        }
        if (broker != null) {
            broker.close();
        }
    }
}
