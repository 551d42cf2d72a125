package dev.earshot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./run-local.sh}: the whole product on this machine, with no Docker and no internet.
 * Starts the embedded broker, a local inbox, the demo review site and the three services, and
 * stops them all on Ctrl-C.
 */
public final class LocalRun {

    static final int KAFKA_PORT = 9092;
    static final int[] SERVICE_PORTS = {8081, 8082, 8083};
    static final int DEMO_SITE_PORT = 8090;
    static final int SMTP_PORT = 2525;
    static final int INBOX_WEB_PORT = 8025;

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        // The broker runs in this JVM: only its errors are worth a line on the console.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path repoRoot = Path.of(System.getProperty("earshot.home", ".")).toAbsolutePath().normalize();
        Path workDir = repoRoot.resolve(".local-run");
        Path config = option(args, "--config");

        deleteRecursively(workDir); // every run replays the demo from the start
        Files.createDirectories(workDir);
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Earshot ...");
            for (int i = running.size() - 1; i >= 0; i--) {
                closeQuietly(running.get(i));
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "earshot-shutdown"));

        LocalInbox inbox = LocalInbox.start(SMTP_PORT, INBOX_WEB_PORT, workDir.resolve("inbox"));
        running.add(inbox);
        DemoSite site = DemoSite.start(DEMO_SITE_PORT, DemoReview.bundled());
        running.add(site);
        if (config == null) {
            config = workDir.resolve("earshot.yaml");
            String demo = new String(LocalRun.class.getResourceAsStream("/demo/earshot.yaml").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Files.writeString(config, demo.replace("${DEMO_SITE}", site.baseUrl()));
        }
        System.out.println("Starting the embedded Kafka broker and the three services (about 20 s) ...");
        String apiToken = java.util.UUID.randomUUID().toString();
        EarshotStack stack = EarshotStack.start(repoRoot, workDir, KAFKA_PORT, SERVICE_PORTS, Map.of(
                "EARSHOT_CONFIG", config.toAbsolutePath().toString(),
                "EARSHOT_POLL_INTERVAL", "10s",
                "EARSHOT_API_TOKEN", apiToken,
                // The demo lasts minutes: show a throttled update to its incident, not just the first email.
                "EARSHOT_ALERT_NOTIFICATIONS_UPDATE_INTERVAL", "1m",
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(inbox.smtpPort())), System.out);
        running.add(stack);
        System.out.println(banner(stack, site, inbox, config, workDir, apiToken));
        stopped.await();
    }

    private static String banner(EarshotStack stack, DemoSite site, LocalInbox inbox, Path config, Path workDir,
            String apiToken) {
        return """

                ==================================================================================
                 Earshot is running.  Ctrl-C stops everything.

                 Inbox (alert emails)  %s   — also .eml files in %s
                 Demo review site      %s/reviews   (feed: %s/feed.xml)
                 ingest-service        http://127.0.0.1:%d/q/health   metrics: /q/metrics
                 sentiment-service     http://127.0.0.1:%d/q/health
                 alert-service         http://127.0.0.1:%d/q/health
                 Kafka                 %s   (topics: mentions, mentions-scored, alerts)
                 Brands and sources    %s
                 Service logs          %s
                 API token (changes)   %s
                 Reads need no token from this machine (everything listens on 127.0.0.1 only):
                                       e.g. curl http://127.0.0.1:8083/api/incidents

                 The demo site is calm for a minute, then a complaint storm about Northwind Coffee
                 begins: the first alert email arrives within about two minutes, and an update to
                 the same incident a minute or so later.
                ==================================================================================
                """.formatted(inbox.webUrl(), inbox.folder(), site.baseUrl(), site.baseUrl(), SERVICE_PORTS[0],
                SERVICE_PORTS[1], SERVICE_PORTS[2], stack.bootstrapServers(), config, workDir.resolve("logs"), apiToken);
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

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e.getMessage());
        }
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
