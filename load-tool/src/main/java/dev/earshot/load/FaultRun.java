package dev.earshot.load;

import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.Topics;
import dev.earshot.local.EarshotStack;
import dev.earshot.local.LocalInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault runs: each breaks one part of a running stack in the middle of a stream and checks
 * afterwards, from the topics and the SMTP wire, that nothing was lost and no email was sent twice.
 */
final class FaultRun {

    /**
     * How long a scenario waits for its mentions and emails: an upper bound only, a healthy stack
     * is done in a minute or two, but alert-service working off 100,000 mentions on a busy 2-core
     * machine took over 3 minutes.
     */
    static final Duration DELIVERED_WITHIN = Duration.ofMinutes(10);

    /** Just under the broker's default limit for one record (message.max.bytes, 1 MiB + 12 bytes). */
    static final int NEAR_RECORD_LIMIT = 1_000_000;

    private final EarshotStack stack;
    private final LocalInbox inbox;
    private final SmtpProxy smtp;
    private final Checks checks = new Checks();
    private final StackChecks stackChecks;
    private final KafkaProducer<String, byte[]> producer;
    private final long started = System.nanoTime();
    private int probeCount;

    FaultRun(EarshotStack stack, LocalInbox inbox, SmtpProxy smtp) {
        this.stack = stack;
        this.inbox = inbox;
        this.smtp = smtp;
        this.stackChecks = new StackChecks(stack, smtp, checks);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // the oversized records must reach the broker, which is the one to refuse them
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    int failures() {
        return checks.failures();
    }

    /** kill -9 a consumer service while {@code mentions} mentions (with {@code probes} dangerous ones) flow. */
    void killMidStream(String module, int mentions, int probes) throws InterruptedException {
        System.out.printf("%n== kill -9 %s in the middle of %,d mentions%n", module, mentions);
        IdTally expected = new IdTally();
        List<String> probeBrands = new ArrayList<>();
        MentionGenerator calm = new MentionGenerator(module.hashCode(), 50, true);
        int probeEvery = Math.max(1, mentions / Math.max(1, probes));
        for (int i = 0; i < mentions; i++) {
            if (i % probeEvery == probeEvery / 2 && probeBrands.size() < probes) {
                probeBrands.add(sendProbe(expected));
            } else {
                send(calm.next(), expected);
            }
            if (i == mentions / 3) {
                producer.flush();
                Thread.sleep(300); // the service is mid-batch
                long t = System.nanoTime();
                stack.killAndRestart(module, Duration.ofSeconds(90));
                System.out.printf("   killed and restarted %s (ready again in %.1f s)%n", module,
                        (System.nanoTime() - t) / 1e9);
            }
        }
        producer.flush();
        expectDelivered(expected, probeBrands);
    }

    /**
     * kill -9 a service once the stack has run {@code minute} minutes (past any five-minute limit
     * on unacknowledged records), under steady traffic with probes, and again afterwards.
     */
    void killAtMinute(String module, double minute, int perSecond) throws InterruptedException {
        System.out.printf("%n== kill -9 %s at minute %.0f of the run, under %d mentions/s%n", module, minute, perSecond);
        IdTally expected = new IdTally();
        List<String> probeBrands = new ArrayList<>();
        MentionGenerator calm = new MentionGenerator(808, 50, true);
        long killAt = Math.max(started + (long) (minute * 60e9), System.nanoTime() + 30_000_000_000L);
        long end = killAt + 60_000_000_000L;
        boolean killed = false;
        for (long tick = System.nanoTime(); tick < end; tick += 100_000_000L) {
            for (int i = 0; i < perSecond / 10; i++) {
                send(calm.next(), expected);
            }
            if ((tick / 100_000_000L) % 100 == 0) {
                probeBrands.add(sendProbe(expected)); // one every 10 s
            }
            if (!killed && System.nanoTime() >= killAt) {
                producer.flush();
                long pid = HealthProbe.pid(module).orElse(-1);
                double upMinutes = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                        .map(t -> Duration.between(t, Instant.now()).toMillis() / 60_000.0).orElse(-1.0);
                long t = System.nanoTime();
                stack.killAndRestart(module, Duration.ofSeconds(90));
                System.out.printf("   killed %s at minute %.1f (it had run %.1f min); ready again in %.1f s%n", module,
                        (t - started) / 60e9, upMinutes, (System.nanoTime() - t) / 1e9);
                killed = true;
                tick = System.nanoTime();
            }
            Thread.sleep(Math.max(0, (tick + 100_000_000L - System.nanoTime()) / 1_000_000));
        }
        producer.flush();
        expectDelivered(expected, probeBrands);
    }

    /**
     * kill -9 ingest-service while it publishes a feed of {@code items} reviews; after the restart
     * every review is on {@code mentions}, and the published-state kept in Kafka keeps repeats few.
     */
    void killIngestMidPoll(FeedSite site, String sourceId, int feeds, int itemsPerFeed) throws InterruptedException {
        int items = feeds * itemsPerFeed;
        System.out.printf("%n== kill -9 ingest-service while it publishes %d feeds of %,d reviews%n", feeds, itemsPerFeed);
        site.fill(itemsPerFeed);
        boolean started = StackChecks.waitFor(Duration.ofSeconds(60), () -> countFromSource(sourceId)[0] > 0);
        long atKill = countFromSource(sourceId)[0];
        long t = System.nanoTime();
        stack.killAndRestart("ingest-service", Duration.ofSeconds(90));
        System.out.printf("   killed with %,d of %,d published; restarted in %.1f s%n", atKill, items,
                (System.nanoTime() - t) / 1e9);
        boolean all = StackChecks.waitFor(Duration.ofMinutes(2), () -> countFromSource(sourceId)[1] >= items);
        long[] counts = countFromSource(sourceId);
        checks.check(started && all, "every review published: %,d distinct of %,d (%,d records, so %,d published twice)",
                counts[1], items, counts[0], counts[0] - counts[1]);
    }

    /** {records, distinct ids} on {@code mentions} from the sources whose id starts so. */
    private long[] countFromSource(String sourceId) {
        Set<String> ids = new HashSet<>();
        long[] records = new long[1];
        TopicSnapshot.forEach(stack.bootstrapServers(), Topics.MENTIONS, r -> {
            Mention m;
            try {
                m = EventJson.read(r.value(), Mention.class);
            } catch (RuntimeException e) {
                return; // the malformed and oversized records
            }
            if (m.source().id().startsWith(sourceId)) {
                records[0]++;
                ids.add(m.id());
            }
        });
        return new long[] {records[0], ids.size()};
    }

    /**
     * Stops the broker for {@code down} right after a stream was sent, and starts it again on the
     * same data; the services must carry on by themselves, with what was sent before and after.
     */
    void brokerOutage(Duration down, int mentions, int probes) throws InterruptedException {
        System.out.printf("%n== broker down for %d s under running services%n", down.toSeconds());
        IdTally expected = new IdTally();
        List<String> probeBrands = new ArrayList<>();
        MentionGenerator calm = new MentionGenerator(31, 50, true);
        sendCalm(calm, mentions / 2, expected);
        for (int i = 0; i < probes / 2; i++) {
            probeBrands.add(sendProbe(expected));
        }
        producer.flush();
        stack.restartBroker(down);
        System.out.println("   broker back; sending new mentions");
        sendCalm(calm, mentions - mentions / 2, expected);
        for (int i = probes / 2; i < probes; i++) {
            probeBrands.add(sendProbe(expected));
        }
        producer.flush();
        expectDelivered(expected, probeBrands);
    }

    /** SMTP refuses connections for a while; every email must arrive once afterwards. */
    void smtpOutage(Duration down, int probes) throws InterruptedException {
        System.out.printf("%n== SMTP down for %d s while %d alerts are raised%n", down.toSeconds(), probes);
        inbox.stopSmtp();
        List<String> probeBrands = sendProbes(probes);
        Thread.sleep(down.toMillis());
        inbox.startSmtp();
        System.out.println("   SMTP back");
        stackChecks.probesEmailed(probeBrands, DELIVERED_WITHIN);
        stackChecks.noDuplicateEmails();
    }

    /**
     * The mail server answers each email's data only after {@code perEmail}: every email must
     * still arrive once, and detection must go on meanwhile (the alerts reach {@code alerts}).
     */
    void slowSmtp(Duration perEmail, int probes) throws InterruptedException {
        System.out.printf("%n== SMTP takes %d s to answer each DATA while %d alerts are raised%n",
                perEmail.toSeconds(), probes);
        smtp.delayDataReplies(perEmail);
        long t = System.nanoTime();
        List<String> probeBrands = sendProbes(probes);
        boolean detected = StackChecks.waitFor(Duration.ofSeconds(60), () -> alertedBrands().containsAll(probeBrands));
        long alerted = probeBrands.stream().filter(alertedBrands()::contains).count();
        checks.check(detected, "detection kept running: %d of %d alerts on alerts after %.0f s (limit 60 s)", alerted,
                probeBrands.size(), (System.nanoTime() - t) / 1e9);
        stackChecks.probesEmailed(probeBrands, perEmail.multipliedBy(probes).plus(DELIVERED_WITHIN));
        System.out.printf("   all emails in after %.0f s%n", (System.nanoTime() - t) / 1e9);
        smtp.delayDataReplies(Duration.ZERO);
        stackChecks.noDuplicateEmails();
    }

    /**
     * Records near Kafka's 1 MB limit: one mention of about 1 MB (scoring it makes a larger record),
     * and five furious mentions of about 220 KB about one brand (an incident carrying all five is
     * over 1 MB). Later mentions and alerts must flow; each oversized record goes through or to a DLQ.
     */
    void oversized(int good, int probes) throws InterruptedException {
        System.out.printf("%n== an oversized mention (%,d bytes) and an incident of five 220 KB mentions, then %,d "
                + "mentions and %d alerts%n", NEAR_RECORD_LIMIT, good, probes);
        String hugeBrand = nextProbeBrand();
        byte[] huge = LatencyRun.probe(hugeBrand, NEAR_RECORD_LIMIT - 2_000);
        String hugeId = MentionGenerator.idOf(huge);
        producer.send(new ProducerRecord<>(Topics.MENTIONS, hugeBrand, huge));
        String longBrand = nextProbeBrand();
        for (int i = 0; i < 5; i++) {
            producer.send(new ProducerRecord<>(Topics.MENTIONS, longBrand, LatencyRun.probe(longBrand, 220_000)));
        }
        producer.flush();
        IdTally expected = new IdTally();
        sendCalm(new MentionGenerator(77, 50, true), good, expected);
        List<String> after = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            after.add(sendProbe(expected));
        }
        producer.flush();
        expectDelivered(expected, after);
        boolean hugeScored = onTopic(Topics.MENTIONS_SCORED, hugeId);
        boolean hugeDead = onDlq(hugeId);
        checks.check(hugeScored || hugeDead, "the %,d-byte mention went through or to a DLQ: scored %s, dead-lettered %s",
                huge.length, hugeScored, hugeDead);
        boolean longEmailed = EmailTally.perProbe(smtp.deliveries()).containsKey(longBrand);
        boolean longDead = onDlq("\"" + longBrand + "\"");
        checks.check(longEmailed || longDead, "the incident of five long mentions was emailed (%s) or dead-lettered (%s)",
                longEmailed, longDead);
    }

    /** A burst of records that are not mentions: all go to the DLQ and good ones still get scored. */
    void malformedBurst(int bad, int good) throws InterruptedException {
        System.out.printf("%n== %,d malformed records among %,d good ones%n", bad, good);
        long dlqBefore = TopicSnapshot.read(stack.bootstrapServers(), Topics.MENTIONS_DLQ).size();
        IdTally expected = new IdTally();
        MentionGenerator calm = new MentionGenerator(99, 50, true);
        for (int i = 0; i < Math.max(bad, good); i++) {
            if (i < bad) {
                byte[] garbage = (i % 3 == 0 ? "{\"schemaVersion\":1,\"id\":\"" + i + "\"}"
                        : i % 3 == 1 ? "<html>not json " + i : "{\"text\": 42, ").getBytes();
                producer.send(new ProducerRecord<>(Topics.MENTIONS, "garbage", garbage));
            }
            if (i < good) {
                send(calm.next(), expected);
            }
        }
        producer.flush();
        stackChecks.scored(expected, DELIVERED_WITHIN, false);
        boolean allDead = StackChecks.waitFor(Duration.ofSeconds(60), () ->
                TopicSnapshot.read(stack.bootstrapServers(), Topics.MENTIONS_DLQ).size() - dlqBefore >= bad);
        long dead = TopicSnapshot.read(stack.bootstrapServers(), Topics.MENTIONS_DLQ).size() - dlqBefore;
        checks.check(allDead && dead == bad, "all %,d malformed records are on mentions-dlq (found %,d)", bad, dead);
    }

    /** What every fault run ends with: services up, no lag left in any group, no email twice. */
    void finalChecks() throws InterruptedException {
        System.out.printf("%n== at the end%n");
        stackChecks.servicesUp(null, Map.of(), 0);
        try (OffsetWatch offsets = new OffsetWatch(stack.bootstrapServers())) {
            stackChecks.lagDrained(offsets, Duration.ofMinutes(3));
        }
        stackChecks.noDuplicateEmails();
    }

    private void expectDelivered(IdTally expected, List<String> probeBrands) throws InterruptedException {
        stackChecks.scored(expected, DELIVERED_WITHIN, false);
        stackChecks.probesEmailed(probeBrands, DELIVERED_WITHIN);
        stackChecks.noDuplicateEmails();
    }

    private void sendCalm(MentionGenerator calm, int n, IdTally expected) {
        for (int i = 0; i < n; i++) {
            send(calm.next(), expected);
        }
    }

    private void send(MentionGenerator.KeyedPayload p, IdTally expected) {
        expected.add(MentionGenerator.idOf(p.value()));
        producer.send(new ProducerRecord<>(Topics.MENTIONS, p.key(), p.value()));
    }

    private String sendProbe(IdTally expected) {
        String brand = nextProbeBrand();
        send(new MentionGenerator.KeyedPayload(brand, LatencyRun.probe(brand)), expected);
        return brand;
    }

    private List<String> sendProbes(int probes) {
        List<String> brands = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            brands.add(sendProbe(new IdTally()));
        }
        producer.flush();
        return brands;
    }

    private String nextProbeBrand() {
        return "probe-" + probeCount++;
    }

    private Set<String> alertedBrands() {
        Set<String> brands = new HashSet<>();
        TopicSnapshot.forEach(stack.bootstrapServers(), Topics.ALERTS,
                r -> brands.add(EventJson.read(r.value(), Alert.class).brand().id()));
        return brands;
    }

    private boolean onTopic(String topic, String text) {
        boolean[] found = new boolean[1];
        TopicSnapshot.forEach(stack.bootstrapServers(), topic, r -> found[0] |= r.value() != null && r.value().contains(text));
        return found[0];
    }

    /** Whether any dead-letter topic (a name ending in "-dlq") holds a record containing this text. */
    private boolean onDlq(String text) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            for (String topic : admin.listTopics().names().get()) {
                if (topic.endsWith("-dlq") && onTopic(topic, text)) {
                    return true;
                }
            }
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot list the topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
