package dev.earshot.load;

import dev.earshot.events.Topics;
import dev.earshot.local.EarshotStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures Earshot under load on this machine, beside Kafka itself on the same broker and payload.
 *
 * <pre>
 *   ./mvnw -q package -DskipTests
 *   java -jar load-tool/target/earshot-load.jar sentiment [--mentions 200000] [--brands 50]
 * </pre>
 *
 * {@code sentiment}: raw Kafka produce→consume of N mention payloads through one topic, then the
 * same N through {@code mentions} → sentiment-service (a separate JVM, as deployed) →
 * {@code mentions-scored}; first send to last arrival, after a warm-up of each.
 *
 * <p>{@code pipeline [--mentions N] [--probes 100] [--calm-rate 1000]}: the same with all three
 * services and a real SMTP server, then the latency from a dangerous mention to its record on
 * {@code alerts} and to its email at the SMTP server (p50/p99), under a calm stream.
 */
public final class LoadTool {

    private static final String BASELINE_TOPIC = "load-baseline";

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        String mode = args.length > 0 ? args[0] : "sentiment";
        int mentions = intOption(args, "--mentions", 200_000);
        int brands = intOption(args, "--brands", 50);
        switch (mode) {
            case "sentiment" -> sentiment(mentions, brands);
            case "pipeline" -> pipeline(mentions, brands, intOption(args, "--probes", 100),
                    intOption(args, "--calm-rate", 1000));
            case "faults" -> faults(intOption(args, "--mentions", 100_000), intOption(args, "--smtp-down-seconds", 120));
            default -> {
                System.err.println("unknown mode " + mode + "; known: sentiment, pipeline, faults");
                System.exit(2);
            }
        }
    }

    /**
     * The fault runs, one after the other on one stack: kill -9 of each service mid-stream, an
     * SMTP outage, a burst of malformed records, a broker restart.
     * Exits 1 when any check failed.
     */
    private static void faults(int mentions, int smtpDownSeconds) throws Exception {
        Path repoRoot = Path.of(System.getProperty("earshot.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("earshot-faults-");
        int feeds = 20;
        FeedSite site = new FeedSite("Feed 0 Coffee", feeds);
        Path catalog = Catalogs.write(work, Catalogs.brands("brand", 50), Catalogs.brands("probe", 200),
                Catalogs.brands("feed", 1));
        StringBuilder sources = new StringBuilder("sources:\n");
        for (int k = 0; k < feeds; k++) {
            sources.append("  - id: fault-feed-").append(k).append("\n    kind: feed\n    url: ").append(site.url(k))
                    .append("\n    brand: feed-0\n");
        }
        java.nio.file.Files.writeString(catalog,
                java.nio.file.Files.readString(catalog).replace("sources: []\n", sources.toString()));
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String module : EarshotStack.ALL_SERVICES) {
            services.put(module, freePort());
        }
        long start = System.nanoTime();
        int failures;
        try (dev.earshot.local.LocalInbox inbox = dev.earshot.local.LocalInbox.start(freePort(), freePort(),
                work.resolve("inbox")).quiet();
                EarshotStack stack = EarshotStack.start(repoRoot, work, freePort(), services, Map.of(
                        "EARSHOT_CONFIG", catalog.toString(),
                        "SMTP_HOST", "127.0.0.1",
                        "SMTP_PORT", String.valueOf(inbox.smtpPort()),
                        "EARSHOT_POLL_INTERVAL", "2s"), null)) {
            FaultRun run = new FaultRun(stack, inbox);
            run.killIngestMidPoll(site, "fault-feed-", feeds, 2_000);
            run.killMidStream("sentiment-service", mentions, 20);
            run.killMidStream("alert-service", mentions, 20);
            run.smtpOutage(Duration.ofSeconds(smtpDownSeconds), 10);
            run.malformedBurst(5_000, 5_000);
            run.restartBroker(10_000, 5);
            run.checkNoDuplicateEmails();
            failures = run.failures();
        } finally {
            site.close();
        }
        System.out.printf(Locale.ROOT, "%nFault runs finished in %.0f s: %s%n", (System.nanoTime() - start) / 1e9,
                failures == 0 ? "all checks passed" : failures + " check(s) FAILED");
        System.exit(failures == 0 ? 0 : 1);
    }

    /**
     * The three services, a real SMTP server: throughput of N mentions to {@code mentions-scored}
     * beside raw Kafka, then latency of dangerous mentions to {@code alerts} and to the inbox while
     * a calm stream flows.
     */
    private static void pipeline(int mentions, int brands, int probes, int calmRate) throws Exception {
        Path repoRoot = Path.of(System.getProperty("earshot.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("earshot-load-");
        List<MentionGenerator.KeyedPayload> payloads = generate(mentions, brands, 1);
        List<MentionGenerator.KeyedPayload> warmUp = generate(Math.min(20_000, mentions), brands, 2);
        Path catalog = Catalogs.write(work, Catalogs.brands("brand", brands), Catalogs.brands("probe", probes));
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String module : EarshotStack.ALL_SERVICES) {
            services.put(module, freePort());
        }
        try (dev.earshot.local.LocalInbox inbox = dev.earshot.local.LocalInbox.start(freePort(), freePort(),
                work.resolve("inbox")).quiet();
                EarshotStack stack = EarshotStack.start(repoRoot, work, 0, services, Map.of(
                        "EARSHOT_CONFIG", catalog.toString(),
                        "SMTP_HOST", "127.0.0.1",
                        "SMTP_PORT", String.valueOf(inbox.smtpPort())), null)) {
            String bootstrap = stack.bootstrapServers();
            createTopic(stack, BASELINE_TOPIC);
            System.out.println("Warming up ...");
            ThroughputRun.run(bootstrap, BASELINE_TOPIC, BASELINE_TOPIC, warmUp, Duration.ofMinutes(5));
            ThroughputRun.run(bootstrap, Topics.MENTIONS, Topics.MENTIONS_SCORED, warmUp, Duration.ofMinutes(5));
            ConsumerLag.awaitZero(bootstrap, "alert-service", Topics.MENTIONS_SCORED, Duration.ofMinutes(15));
            System.out.println("Measuring throughput ...");
            ThroughputRun.Result raw = ThroughputRun.run(bootstrap, BASELINE_TOPIC, BASELINE_TOPIC, payloads,
                    Duration.ofMinutes(10));
            long beforeScored = System.nanoTime();
            ThroughputRun.Result pipeline = ThroughputRun.run(bootstrap, Topics.MENTIONS, Topics.MENTIONS_SCORED,
                    payloads, Duration.ofMinutes(10));
            System.out.println("Waiting for alert-service to catch up ...");
            Duration alertDrain = ConsumerLag.awaitZero(bootstrap, "alert-service", Topics.MENTIONS_SCORED,
                    Duration.ofMinutes(15));
            double alertSeconds = (System.nanoTime() - beforeScored) / 1e9;
            System.out.println("Measuring latency ...");
            LatencyRun.Result latency = LatencyRun.run(bootstrap, inbox, calmRate, probes, Duration.ofMillis(250),
                    brands);
            System.out.printf(Locale.ROOT, """

                    %d cores, Java %s, all three services and the broker on this machine
                    | run                                               | records  | seconds | records/s |
                    |---------------------------------------------------|----------|---------|-----------|
                    | raw Kafka: produce → consume, one topic           | %,8d | %7.2f | %,9.0f |
                    | mentions → sentiment-service → mentions-scored    | %,8d | %7.2f | %,9.0f |
                    pipeline at %.0f%% of the raw Kafka rate
                    alert-service had read all %,d scored mentions %.1f s after the first was sent (%,.0f/s;
                    %.1f s after sentiment-service finished)

                    Instant alerts, %d dangerous mentions among %,d calm mentions/s:
                      mention → alerts record : %s
                      mention → email at SMTP : %s
                    """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    raw.records(), raw.elapsed().toMillis() / 1000.0, raw.perSecond(),
                    pipeline.records(), pipeline.elapsed().toMillis() / 1000.0, pipeline.perSecond(),
                    100 * pipeline.perSecond() / raw.perSecond(), mentions, alertSeconds, mentions / alertSeconds,
                    alertDrain.toMillis() / 1000.0, probes, calmRate,
                    LatencyRun.describe(latency.toAlertMillis()), LatencyRun.describe(latency.toEmailMillis()));
        }
    }

    private static void sentiment(int mentions, int brands) throws Exception {
        Path repoRoot = Path.of(System.getProperty("earshot.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("earshot-load-");
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("sentiment-service", freePort());
        System.out.printf(Locale.ROOT, "Generating %,d mentions for %d brands ...%n", mentions, brands);
        List<MentionGenerator.KeyedPayload> payloads = generate(mentions, brands, 1);
        List<MentionGenerator.KeyedPayload> warmUp = generate(Math.min(50_000, mentions), brands, 2);
        double avgBytes = payloads.stream().mapToInt(p -> p.value().length).average().orElse(0);

        try (EarshotStack stack = EarshotStack.start(repoRoot, work, 0, services, Map.of(), null)) {
            String bootstrap = stack.bootstrapServers();
            createTopic(stack, BASELINE_TOPIC);

            System.out.println("Warming up ...");
            ThroughputRun.run(bootstrap, BASELINE_TOPIC, BASELINE_TOPIC, warmUp, Duration.ofMinutes(5));
            ThroughputRun.run(bootstrap, Topics.MENTIONS, Topics.MENTIONS_SCORED, warmUp, Duration.ofMinutes(5));

            System.out.println("Measuring raw Kafka ...");
            ThroughputRun.Result raw = ThroughputRun.run(bootstrap, BASELINE_TOPIC, BASELINE_TOPIC, payloads,
                    Duration.ofMinutes(10));
            System.out.println("Measuring mentions → sentiment-service → mentions-scored ...");
            ThroughputRun.Result pipeline = ThroughputRun.run(bootstrap, Topics.MENTIONS, Topics.MENTIONS_SCORED,
                    payloads, Duration.ofMinutes(10));

            System.out.printf(Locale.ROOT, """

                    %d cores, Java %s, %,d mentions (average %.0f bytes of JSON), %d brands, %d partitions
                    | run                                          | records  | seconds | records/s |
                    |----------------------------------------------|----------|---------|-----------|
                    | raw Kafka: produce → consume, one topic      | %,8d | %7.2f | %,9.0f |
                    | mentions → sentiment-service → scored        | %,8d | %7.2f | %,9.0f |
                    sentiment-service at %.0f%% of the raw Kafka rate
                    """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), mentions,
                    avgBytes, brands, EarshotStack.PARTITIONS,
                    raw.records(), raw.elapsed().toMillis() / 1000.0, raw.perSecond(),
                    pipeline.records(), pipeline.elapsed().toMillis() / 1000.0, pipeline.perSecond(),
                    100 * pipeline.perSecond() / raw.perSecond());
            if (pipeline.records() < mentions) {
                System.out.printf("WARNING: only %,d of %,d scored mentions arrived before the timeout%n",
                        pipeline.records(), mentions);
            }
        }
    }

    private static void createTopic(EarshotStack stack, String topic) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, EarshotStack.PARTITIONS,
                    (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    private static List<MentionGenerator.KeyedPayload> generate(int n, int brands, long seed) {
        MentionGenerator generator = new MentionGenerator(seed, brands);
        List<MentionGenerator.KeyedPayload> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payloads.add(generator.next());
        }
        return payloads;
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
