package dev.earshot.load;

import dev.earshot.events.Topics;
import dev.earshot.local.EarshotStack;
import dev.earshot.local.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The soak: the whole stack left under continuous traffic for a set time — calm mentions at a
 * realistic rate with complaint storms in it and a furious probe at a fixed cadence, then a
 * high-rate phase, then a quiet drain and one last furious mention — and checked at the end from the services, the topics and
 * the SMTP wire. Every minute it logs progress and samples health and each service's heap after a
 * full GC; every 30 s it samples every consumer group's committed offsets.
 */
final class SoakRun {

    /** How long and how hard; the phases follow from the length. */
    record Plan(int minutes, int calmPerSecond, int highPerSecond, Duration probeEvery, int brands) {

        Duration highPhase() {
            return Duration.ofMinutes(Math.max(1, Math.round(minutes / 10.0)));
        }

        Duration drain() {
            return Duration.ofMinutes(minutes <= 10 ? 1 : 2);
        }

        Duration steady() {
            return Duration.ofMinutes(minutes).minus(highPhase()).minus(drain());
        }

        /** Heap growth is measured from minute 10, or from a third of a shorter run (warm-up excluded). */
        double heapFromMinute() {
            return Math.min(10, minutes / 3.0);
        }

        /** Probe brands the catalog needs: one per probe the run can send, and some to spare. */
        int probeBrands() {
            return (int) (Duration.ofMinutes(minutes).toSeconds() / Math.max(1, probeEvery.toSeconds())) + 10;
        }
    }

    private final EarshotStack stack;
    private final SmtpProxy smtp;
    private final Plan plan;
    private final Checks checks = new Checks();
    private final HealthProbe health = new HealthProbe();
    private final HeapSampler heap = new HeapSampler();
    private final Map<String, Long> pids = new TreeMap<>();
    private final Map<String, Integer> downSamples = new ConcurrentHashMap<>();
    private volatile int healthSamples;
    private long start;

    SoakRun(EarshotStack stack, SmtpProxy smtp, Plan plan) {
        this.stack = stack;
        this.smtp = smtp;
        this.plan = plan;
    }

    /** Runs the soak and its checks; returns how many checks failed. */
    int run() throws InterruptedException {
        for (ServiceProcess s : stack.services()) {
            pids.put(s.name(), HealthProbe.pid(s.name()).orElse(-1));
        }
        System.out.printf("Soak of %d min: %d mentions/s with a complaint storm every %d min and a probe every %d s for "
                + "%d min, %d/s for %d min, then %d min quiet; pids %s%n", plan.minutes(), plan.calmPerSecond(),
                SoakTraffic.STORM_EVERY.toMinutes(), plan.probeEvery().toSeconds(), plan.steady().toMinutes(),
                plan.highPerSecond(), plan.highPhase().toMinutes(), plan.drain().toMinutes(), pids);
        start = System.nanoTime();
        ScheduledExecutorService every = Executors.newScheduledThreadPool(2);
        try (OffsetWatch offsets = new OffsetWatch(stack.bootstrapServers());
                SoakTraffic traffic = new SoakTraffic(stack.bootstrapServers(), plan.brands(), plan.probeEvery())) {
            every.scheduleAtFixedRate(() -> quietly(offsets::sample), 30, 30, TimeUnit.SECONDS);
            every.scheduleAtFixedRate(() -> quietly(() -> minute(offsets, traffic)), 60, 60, TimeUnit.SECONDS);
            traffic.start(plan.calmPerSecond());
            Thread.sleep(plan.steady().toMillis());
            System.out.printf("High-rate phase: %d mentions/s%n", plan.highPerSecond());
            traffic.rate(plan.highPerSecond());
            Thread.sleep(plan.highPhase().toMillis());
            traffic.quiet();
            System.out.printf("Quiet drain: nothing sent for %d min%n", plan.drain().toMinutes());
            Thread.sleep(plan.drain().toMillis());
            // What a user left alone would try last: one furious mention after the quiet, then its email.
            System.out.printf("A furious mention at the end: %s%n", traffic.probeNow());
            every.shutdown();
            every.awaitTermination(2, TimeUnit.MINUTES);
            check(offsets, traffic);
        } finally {
            every.shutdownNow();
        }
        System.out.printf("%nSoak of %d min finished after %.1f min: %s%n", plan.minutes(), minutes(),
                checks.failures() == 0 ? "all checks passed" : checks.failures() + " check(s) FAILED");
        return checks.failures();
    }

    private void check(OffsetWatch offsets, SoakTraffic traffic) throws InterruptedException {
        StackChecks stackChecks = new StackChecks(stack, smtp, checks);
        System.out.printf("%n== checks after %.1f min%n", minutes());
        // a high-rate phase leaves alert-service a backlog it works off in about twice its length
        stackChecks.lagDrained(offsets, Duration.ofMinutes(5).plus(plan.highPhase().multipliedBy(2)));
        offsets.sample();
        stackChecks.commitsAdvanced(offsets);
        stackChecks.servicesUp(pids, downSamples, healthSamples);
        stackChecks.scored(traffic.sent(), Duration.ofMinutes(3), true);
        stackChecks.consoleStored(traffic.sent(), Duration.ofMinutes(3));
        checks.check(traffic.sendErrors() == 0, "Kafka acknowledged every mention sent (%,d not)", traffic.sendErrors());
        stackChecks.probesEmailed(traffic.probes(), Duration.ofMinutes(3));
        stackChecks.noDuplicateEmails();
        sampleHeaps();
        heap.growth(plan.heapFromMinute()).forEach((module, g) -> checks.check(g.flat(),
                "%s heap after GC flat: %.1f MB at minute %.1f, %.1f MB at minute %.1f (%+.1f MB, %+.1f MB/h; limit %+.1f MB)",
                module, mb(g.from().bytes()), g.from().minute(), mb(g.to().bytes()), g.to().minute(), mb(g.growthBytes()),
                mb((long) g.bytesPerHour()), mb(g.limitBytes())));
    }

    /** The minute's progress line, with the health and heap samples it takes. */
    private void minute(OffsetWatch offsets, SoakTraffic traffic) {
        StringJoiner up = new StringJoiner(", ");
        for (ServiceProcess s : stack.services()) {
            HealthProbe.Status status = health.probe(s);
            if (!status.up()) {
                downSamples.merge(s.name(), 1, Integer::sum);
                up.add(s.name() + (status.live() ? "" : " NOT LIVE") + (status.ready() ? "" : " NOT READY"));
            }
        }
        healthSamples++;
        StringJoiner heaps = sampleHeaps();
        StringJoiner lags = new StringJoiner(", ");
        offsets.lags().forEach(l -> lags.add(l.group() + " " + String.format("%,d", l.lag())));
        String storm = traffic.storming();
        System.out.printf("[%4.1f of %d min] %,d/s%s | sent %,d, probes %d | scored %,d | emails %d | lag %s | "
                + "live heap MB %s | %s%n", minutes(), plan.minutes(), traffic.rate(),
                storm == null ? "" : ", storm on " + storm, traffic.sent().size(), traffic.probes().size(),
                offsets.endOffsets(Topics.MENTIONS_SCORED), smtp.deliveries().size(), lags, heaps,
                up.length() == 0 ? "all live and ready" : up);
    }

    private StringJoiner sampleHeaps() {
        StringJoiner heaps = new StringJoiner(", ");
        pids.forEach((module, pid) -> heaps.add(module + " " + String.format("%.1f", mb(heap.sample(module, pid, minutes())))));
        return heaps;
    }

    private double minutes() {
        return (System.nanoTime() - start) / 60e9;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** A sampling task that fails logs and keeps the schedule (a scheduled task that throws stops for good). */
    private static void quietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            System.out.println("   (sample failed: " + e.getMessage() + ")");
        }
    }

}
