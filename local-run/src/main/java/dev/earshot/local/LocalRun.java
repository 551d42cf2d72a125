package dev.earshot.local;

import dev.earshot.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./run-local.sh}: the whole product on this machine, with no Docker and no internet.
 * Starts the embedded broker, a local inbox, the demo review site, the three services, and the console with
 * its embedded PostgreSQL, and stops them all on Ctrl-C. {@link #start} is the same run for a test, on other ports.
 */
public final class LocalRun implements AutoCloseable {

    /** Where each part listens; 0 for the broker, the demo site and the inbox means a free port. */
    record Ports(int kafka, int ingest, int sentiment, int alert, int console, int demoSite, int smtp, int inboxWeb) {
        static final Ports DEFAULT = new Ports(9092, 8081, 8082, 8083, 8084, 8090, 2525, 8025);
    }

    private final List<AutoCloseable> running;
    private final EarshotStack stack;
    private final DemoSite site;
    private final LocalInbox inbox;
    private final Path config;
    private final Path workDir;
    private final String apiToken;
    private final Ports ports;

    private LocalRun(List<AutoCloseable> running, EarshotStack stack, DemoSite site, LocalInbox inbox, Path config,
            Path workDir, String apiToken, Ports ports) {
        this.running = running;
        this.stack = stack;
        this.site = site;
        this.inbox = inbox;
        this.config = config;
        this.workDir = workDir;
        this.apiToken = apiToken;
        this.ports = ports;
    }

    public static void main(String[] args) throws Exception {
        // The broker runs in this JVM: only its errors are worth a line on the console.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path repoRoot = Path.of(System.getProperty("earshot.home", ".")).toAbsolutePath().normalize();
        Path workDir = repoRoot.resolve(".local-run");
        Path config = option(args, "--config");

        // Every run replays the demo from the start; a PostgreSQL a killed run left behind is stopped first.
        EmbeddedPostgres.stopLeftover(workDir.resolve("postgres"));
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        CountDownLatch stopped = new CountDownLatch(1);
        List<LocalRun> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Earshot ...");
            started.forEach(LocalRun::close);
            // Ctrl-C while starting: the database is a daemon of pg_ctl, not a child of this JVM.
            EmbeddedPostgres.stopLeftover(workDir.resolve("postgres"));
            System.out.println("Stopped.");
            stopped.countDown();
        }, "earshot-shutdown"));
        System.out.println("Starting the embedded Kafka broker, PostgreSQL, the three services and the console (about 30 s) ...");
        LocalRun run = start(repoRoot, workDir, config, Ports.DEFAULT, DemoReview.bundled(), System.out);
        started.add(run);
        System.out.println(run.banner());
        stopped.await();
    }

    /**
     * Starts the run in {@code workDir} (an empty folder): the inbox, the demo site with {@code reviews}, and the stack
     * with the console. {@code config} null = the demo catalog pointing at the demo site. Stops what it started when a
     * part fails to start.
     */
    static LocalRun start(Path repoRoot, Path workDir, Path config, Ports ports, List<DemoReview> reviews,
            PrintStream echo) throws IOException {
        List<AutoCloseable> running = new ArrayList<>();
        try {
            LocalInbox inbox = LocalInbox.start(ports.smtp(), ports.inboxWeb(), workDir.resolve("inbox"));
            running.add(inbox);
            DemoSite site = DemoSite.start(ports.demoSite(), reviews);
            running.add(site);
            if (config == null) {
                config = workDir.resolve("earshot.yaml");
                String demo;
                try (var in = LocalRun.class.getResourceAsStream("/demo/earshot.yaml")) {
                    demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Files.writeString(config, demo.replace("${DEMO_SITE}", site.baseUrl()));
            }
            String apiToken = UUID.randomUUID().toString();
            Map<String, Integer> modules = new LinkedHashMap<>();
            modules.put("ingest-service", ports.ingest());
            modules.put("sentiment-service", ports.sentiment());
            modules.put("alert-service", ports.alert());
            modules.put(EarshotStack.CONSOLE, ports.console());
            EarshotStack stack = EarshotStack.start(repoRoot, workDir, ports.kafka(), modules, Map.of(
                    "EARSHOT_CONFIG", config.toAbsolutePath().toString(),
                    "EARSHOT_POLL_INTERVAL", "10s",
                    "EARSHOT_API_TOKEN", apiToken,
                    // The demo lasts minutes: show a throttled update to its incident, not just the first email.
                    "EARSHOT_ALERT_NOTIFICATIONS_UPDATE_INTERVAL", "1m",
                    "SMTP_HOST", "127.0.0.1",
                    "SMTP_PORT", String.valueOf(inbox.smtpPort())), echo);
            running.add(stack);
            return new LocalRun(running, stack, site, inbox, config, workDir, apiToken, ports);
        } catch (RuntimeException | IOException e) {
            closeAll(running);
            throw e;
        }
    }

    EarshotStack stack() {
        return stack;
    }

    DemoSite site() {
        return site;
    }

    LocalInbox inbox() {
        return inbox;
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + ports.console();
    }

    String banner() {
        ConsoleUsers users = stack.consoleUsers();
        EmbeddedPostgres pg = stack.postgres();
        return """

                ==================================================================================
                 Earshot is running.  Ctrl-C stops everything.

                 Console               %s   log in as:
                                         demo  / %s   (responder: acknowledge, resolve, snooze)
                                         admin / %s   (admin)
                                       passwords are new every run; the users file is %s
                 Inbox (alert emails)  %s   — also .eml files in %s
                 Demo review site      %s/reviews   (feed: %s/feed.xml)
                 ingest-service        http://127.0.0.1:%d/q/health   metrics: /q/metrics
                 sentiment-service     http://127.0.0.1:%d/q/health
                 alert-service         http://127.0.0.1:%d/q/health
                 Kafka                 %s   (topics: mentions, mentions-scored, alerts, ...)
                 PostgreSQL (console)  %s   user %s, password %s
                 Brands and sources    %s
                 Service logs          %s   (PostgreSQL's: %s)
                 API token (changes)   %s
                 Reads need no token from this machine (everything listens on 127.0.0.1 only):
                                       e.g. curl http://127.0.0.1:%d/api/incidents

                 The demo site is calm for a minute, then a complaint storm about Northwind Coffee
                 begins: its incident shows on the console and the first alert email arrives within
                 about two minutes, and an update to the same incident a minute or so later.
                ==================================================================================
                """.formatted(consoleUrl(), users.password("demo"), users.password("admin"), users.file(),
                inbox.webUrl(), inbox.folder(), site.baseUrl(), site.baseUrl(), ports.ingest(), ports.sentiment(),
                ports.alert(), stack.bootstrapServers(), pg.jdbcUrl(), pg.user(), pg.password(), config,
                workDir.resolve("logs"), pg.dataDir().resolve("server.log"), apiToken, ports.alert());
    }

    /** Stops the stack (services, then PostgreSQL, then the broker), the demo site and the inbox. */
    @Override
    public void close() {
        closeAll(running);
    }

    private static void closeAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        running.clear();
    }

    private static Path option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                // Relative to where the user typed the command, not to the checkout.
                return Path.of(System.getProperty("earshot.caller-dir", ".")).resolve(args[i + 1]).toAbsolutePath();
            }
        }
        return null;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
