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
 * Measures Earshot under load on this machine, beside Kafka itself on the same broker and payload,
 * and proves it keeps working under faults and over time.
 *
 * <pre>
 *   ./mvnw -q package -DskipTests
 *   java -jar load-tool/target/earshot-load.jar sentiment [--mentions 200000] [--brands 50]
 *   java -jar load-tool/target/earshot-load.jar pipeline [--mentions N] [--probes 100] [--calm-rate 1000]
 *   java -jar load-tool/target/earshot-load.jar faults [--mentions 100000] [--smtp-down-seconds 120]
 *       [--slow-smtp-seconds 15] [--kill-at-minute 8] [--broker-down-seconds 90]
 *   java -jar load-tool/target/earshot-load.jar soak [--minutes 30] [--rate 200] [--high-rate 2000]
 *       [--probe-seconds 30] [--no-console]
 * </pre>
 *
 * {@code sentiment}: raw Kafka produce→consume of N mention payloads through one topic, then the
 * same N through {@code mentions} → sentiment-service (a separate JVM, as deployed) →
 * {@code mentions-scored}; first send to last arrival, after a warm-up of each.
 *
 * <p>{@code pipeline}: the same with all three services and a real SMTP server, then the latency
 * from a dangerous mention to its record on {@code alerts} and to its email at the SMTP server
 * (p50/p99), under a calm stream.
 *
 * <p>{@code faults} ({@link FaultRun}): one stack, one fault after the other, each checked from the
 * topics and the SMTP wire: kill -9 of ingest-service mid-publish and of sentiment-service and
 * alert-service mid-stream, SMTP down, SMTP answering each DATA after 15 s, malformed records,
 * oversized records (a 1 MB mention, an incident of five 220 KB mentions), kill -9 of
 * sentiment-service at minute 8 (past any five-minute limit), the broker down for 90 s; at the
 * end every service up, no consumer lag, no email twice.
 *
 * <p>{@code soak} ({@link SoakRun}): the whole stack for {@code --minutes} (documented runs: 30 and
 * 60): calm mentions at {@code --rate}/s with a one-minute complaint storm every five minutes and a
 * furious probe every {@code --probe-seconds}, then {@code --high-rate}/s for a tenth of the run,
 * then a quiet drain. It logs every minute and checks at the end: every service live and ready and
 * never restarted, no lag in any consumer group, every group with lag committing at least every
 * two minutes, every mention scored exactly once, every probe emailed exactly once, no email
 * twice, each service's heap after GC flat from minute 10 (a third of a shorter run) to the end.
 * The console runs beside them on an embedded PostgreSQL (unless {@code --no-console}) and must
 * have stored every mention sent.
 *
 * <p>{@code faults} and {@code soak} exit 1 when a check failed. The services send mail through
 * {@link SmtpProxy}, which counts every email at the wire.
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
            case "faults" -> faults(args);
            case "soak" -> soak(args);
            default -> {
                System.err.println("unknown mode " + mode + "; known: sentiment, pipeline, faults, soak");
                System.exit(2);
            }
        }
    }

    /**
     * The fault runs, one after the other on one stack: kill -9 of each service mid-stream, an
     * SMTP outage, a slow SMTP server, a burst of malformed records, oversized records, kill -9 of
     * sentiment-service at minute 8, a broker outage. Exits 1 when any check failed.
     */
    private static void faults(String[] args) throws Exception {
        int mentions = intOption(args, "--mentions", 100_000);
        int feeds = 20;
        FeedSite site = new FeedSite("Feed 0 Coffee", feeds);
        long start = System.nanoTime();
        int failures;
        try (site; RunStack run = RunStack.start("faults", work -> Catalogs.writeWithSources(work, site.sources("fault-feed-", "feed-0"),
                Catalogs.brands("brand", 50), Catalogs.brands("probe", 300), Catalogs.brands("feed", 1)),
                Map.of("EARSHOT_POLL_INTERVAL", "2s"))) {
            FaultRun faults = new FaultRun(run.stack, run.inbox, run.smtp);
            faults.killIngestMidPoll(site, "fault-feed-", feeds, 2_000);
            faults.killMidStream("sentiment-service", mentions, 20);
            faults.killMidStream("alert-service", mentions, 20);
            faults.smtpOutage(Duration.ofSeconds(intOption(args, "--smtp-down-seconds", 120)), 10);
            faults.slowSmtp(Duration.ofSeconds(intOption(args, "--slow-smtp-seconds", 15)), 6);
            faults.malformedBurst(5_000, 5_000);
            faults.oversized(5_000, 5);
            faults.killAtMinute("sentiment-service", intOption(args, "--kill-at-minute", 8), 500);
            faults.brokerOutage(Duration.ofSeconds(intOption(args, "--broker-down-seconds", 90)), 10_000, 6);
            faults.finalChecks();
            failures = faults.failures();
        }
        System.out.printf(Locale.ROOT, "%nFault runs finished in %.0f s: %s%n", (System.nanoTime() - start) / 1e9,
                failures == 0 ? "all checks passed" : failures + " check(s) FAILED");
        System.exit(failures == 0 ? 0 : 1);
    }

    /** The soak (see {@link SoakRun}). Exits 1 when any check failed. */
    private static void soak(String[] args) throws Exception {
        SoakRun.Plan plan = new SoakRun.Plan(intOption(args, "--minutes", 30), intOption(args, "--rate", 200),
                intOption(args, "--high-rate", 2_000), Duration.ofSeconds(intOption(args, "--probe-seconds", 30)), 50);
        int failures;
        try (RunStack run = RunStack.start("soak", work -> Catalogs.write(work, Catalogs.brands("brand", plan.brands()),
                Catalogs.brands("probe", plan.probeBrands())), Map.of(), !flag(args, "--no-console"))) {
            failures = new SoakRun(run.stack, run.smtp, plan).run();
        }
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
            services.put(module, RunStack.freePort());
        }
        try (dev.earshot.local.LocalInbox inbox = dev.earshot.local.LocalInbox.start(RunStack.freePort(), RunStack.freePort(),
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
            System.out.println("Measuring alert-service alone (scored mentions straight to mentions-scored) ...");
            List<MentionGenerator.KeyedPayload> scored = generateScored(mentions, brands, 3);
            long beforeAlone = System.nanoTime();
            ThroughputRun.produce(bootstrap, Topics.MENTIONS_SCORED, scored);
            ConsumerLag.awaitZero(bootstrap, "alert-service", Topics.MENTIONS_SCORED, Duration.ofMinutes(15));
            double aloneSeconds = (System.nanoTime() - beforeAlone) / 1e9;
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
                    | scored mentions → alert-service alone (to lag 0) | %,8d | %7.2f | %,9.0f |

                    Instant alerts, %d dangerous mentions among %,d calm mentions/s:
                      mention → alerts record : %s
                      mention → email at SMTP : %s
                    """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    raw.records(), raw.elapsed().toMillis() / 1000.0, raw.perSecond(),
                    pipeline.records(), pipeline.elapsed().toMillis() / 1000.0, pipeline.perSecond(),
                    100 * pipeline.perSecond() / raw.perSecond(), mentions, alertSeconds, mentions / alertSeconds,
                    alertDrain.toMillis() / 1000.0, mentions, aloneSeconds, mentions / aloneSeconds, probes, calmRate,
                    LatencyRun.describe(latency.toAlertMillis()), LatencyRun.describe(latency.toEmailMillis()));
        }
    }

    private static void sentiment(int mentions, int brands) throws Exception {
        Path repoRoot = Path.of(System.getProperty("earshot.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("earshot-load-");
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("sentiment-service", RunStack.freePort());
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

    private static List<MentionGenerator.KeyedPayload> generateScored(int n, int brands, long seed) {
        MentionGenerator generator = new MentionGenerator(seed, brands);
        List<MentionGenerator.KeyedPayload> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payloads.add(generator.nextScored());
        }
        return payloads;
    }

    private static List<MentionGenerator.KeyedPayload> generate(int n, int brands, long seed) {
        MentionGenerator generator = new MentionGenerator(seed, brands);
        List<MentionGenerator.KeyedPayload> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payloads.add(generator.next());
        }
        return payloads;
    }

    private static boolean flag(String[] args, String name) {
        return java.util.Arrays.asList(args).contains(name);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

}
