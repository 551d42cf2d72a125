package dev.earshot.load;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.local.EarshotStack;
import dev.earshot.local.LocalInbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault runs: each breaks one part of a running stack in the middle of a stream and checks
 * afterwards, from the topics and the inbox, that nothing was lost and no email was sent twice.
 */
final class FaultRun {

    private final EarshotStack stack;
    private final LocalInbox inbox;
    private final KafkaProducer<String, byte[]> producer;
    private int probeCount;
    private int failures;

    FaultRun(EarshotStack stack, LocalInbox inbox) {
        this.stack = stack;
        this.inbox = inbox;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    int failures() {
        return failures;
    }

    /** kill -9 a consumer service while {@code mentions} mentions (with {@code probes} dangerous ones) flow. */
    void killMidStream(String module, int mentions, int probes) throws InterruptedException {
        System.out.printf("%n== kill -9 %s in the middle of %,d mentions%n", module, mentions);
        Set<String> expected = new HashSet<>();
        List<String> probeBrands = new java.util.ArrayList<>();
        MentionGenerator calm = new MentionGenerator(module.hashCode(), 50, true);
        int probeEvery = Math.max(1, mentions / Math.max(1, probes));
        for (int i = 0; i < mentions; i++) {
            MentionGenerator.KeyedPayload p;
            if (i % probeEvery == probeEvery / 2 && probeBrands.size() < probes) {
                String brand = "probe-" + probeCount++;
                probeBrands.add(brand);
                p = new MentionGenerator.KeyedPayload(brand, LatencyRun.probe(brand));
            } else {
                p = calm.next();
            }
            expected.add(EventJson.read(new String(p.value(), java.nio.charset.StandardCharsets.UTF_8),
                    Mention.class).id());
            producer.send(new ProducerRecord<>(Topics.MENTIONS, p.key(), p.value()));
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
        awaitScored(expected);
        awaitEmails(probeBrands);
    }

    /**
     * kill -9 ingest-service while it publishes a feed of {@code items} reviews; after the restart
     * every review is on {@code mentions}, and the published-state kept in Kafka keeps repeats few.
     */
    void killIngestMidPoll(FeedSite site, String sourceId, int feeds, int itemsPerFeed) throws InterruptedException {
        int items = feeds * itemsPerFeed;
        System.out.printf("%n== kill -9 ingest-service while it publishes %d feeds of %,d reviews%n", feeds, itemsPerFeed);
        site.fill(itemsPerFeed);
        boolean started = waitFor(Duration.ofSeconds(60), () -> countFromSource(sourceId)[0] > 0);
        long atKill = countFromSource(sourceId)[0];
        long t = System.nanoTime();
        stack.killAndRestart("ingest-service", Duration.ofSeconds(90));
        System.out.printf("   killed with %,d of %,d published; restarted in %.1f s%n", atKill, items,
                (System.nanoTime() - t) / 1e9);
        boolean all = waitFor(Duration.ofMinutes(2), () -> countFromSource(sourceId)[1] >= items);
        long[] counts = countFromSource(sourceId);
        check(started && all, "every review published: %,d distinct of %,d (%,d records, so %,d published twice)",
                counts[1], items, counts[0], counts[0] - counts[1]);
    }

    /** {records, distinct ids} on {@code mentions} from the sources whose id starts so. */
    private long[] countFromSource(String sourceId) {
        Set<String> ids = new HashSet<>();
        long records = 0;
        for (ConsumerRecord<String, String> r : TopicSnapshot.read(stack.bootstrapServers(), Topics.MENTIONS)) {
            Mention m;
            try {
                m = EventJson.read(r.value(), Mention.class);
            } catch (RuntimeException e) {
                continue; // the malformed burst's records
            }
            if (m.source().id().startsWith(sourceId)) {
                records++;
                ids.add(m.id());
            }
        }
        return new long[] {records, ids.size()};
    }

    /** Restarts the broker under the running services; they must carry on by themselves. */
    void restartBroker(int mentions, int probes) throws InterruptedException {
        System.out.printf("%n== broker restart (down 5 s) under running services%n");
        stack.restartBroker(Duration.ofSeconds(5));
        System.out.println("   broker back; sending new mentions");
        sendAndCheck(mentions, probes);
    }

    /** SMTP refuses connections for a while; every email must arrive once afterwards. */
    void smtpOutage(Duration down, int probes) throws InterruptedException {
        System.out.printf("%n== SMTP down for %d s while %d alerts are raised%n", down.toSeconds(), probes);
        inbox.stopSmtp();
        List<String> probeBrands = sendProbes(probes);
        Thread.sleep(down.toMillis());
        inbox.startSmtp();
        System.out.println("   SMTP back");
        awaitEmails(probeBrands);
    }

    /** A burst of records that are not mentions: all go to the DLQ and good ones still get scored. */
    void malformedBurst(int bad, int good) throws InterruptedException {
        System.out.printf("%n== %,d malformed records among %,d good ones%n", bad, good);
        long dlqBefore = TopicSnapshot.read(stack.bootstrapServers(), Topics.MENTIONS_DLQ).size();
        Set<String> expected = new HashSet<>();
        MentionGenerator calm = new MentionGenerator(99, 50, true);
        for (int i = 0; i < Math.max(bad, good); i++) {
            if (i < bad) {
                byte[] garbage = (i % 3 == 0 ? "{\"schemaVersion\":1,\"id\":\"" + i + "\"}"
                        : i % 3 == 1 ? "<html>not json " + i : "{\"text\": 42, ").getBytes();
                producer.send(new ProducerRecord<>(Topics.MENTIONS, "garbage", garbage));
            }
            if (i < good) {
                MentionGenerator.KeyedPayload p = calm.next();
                expected.add(EventJson.read(new String(p.value()), Mention.class).id());
                producer.send(new ProducerRecord<>(Topics.MENTIONS, p.key(), p.value()));
            }
        }
        producer.flush();
        awaitScored(expected);
        boolean allDead = waitFor(Duration.ofSeconds(60), () ->
                TopicSnapshot.read(stack.bootstrapServers(), Topics.MENTIONS_DLQ).size() - dlqBefore >= bad);
        long dead = TopicSnapshot.read(stack.bootstrapServers(), Topics.MENTIONS_DLQ).size() - dlqBefore;
        check(allDead && dead == bad, "all %,d malformed records are on mentions-dlq (found %,d)", bad, dead);
    }

    /** No (incident, revision) was emailed twice over the whole run. */
    void checkNoDuplicateEmails() {
        Map<String, Integer> byRevision = new HashMap<>();
        for (MimeMessage m : inbox.messages()) {
            byRevision.merge(header(m, "X-Earshot-Incident") + "#" + header(m, "X-Earshot-Revision"), 1, Integer::sum);
        }
        long duplicates = byRevision.values().stream().filter(n -> n > 1).count();
        check(duplicates == 0, "no incident revision emailed twice (%d emails, %d revisions, %d duplicated)",
                inbox.messages().size(), byRevision.size(), duplicates);
    }

    private void sendAndCheck(int mentions, int probes) throws InterruptedException {
        Set<String> expected = new HashSet<>();
        MentionGenerator calm = new MentionGenerator(31, 50, true);
        for (int i = 0; i < mentions; i++) {
            MentionGenerator.KeyedPayload p = calm.next();
            expected.add(EventJson.read(new String(p.value()), Mention.class).id());
            producer.send(new ProducerRecord<>(Topics.MENTIONS, p.key(), p.value()));
        }
        List<String> probeBrands = sendProbes(probes);
        producer.flush();
        awaitScored(expected);
        awaitEmails(probeBrands);
    }

    private List<String> sendProbes(int probes) {
        List<String> brands = new java.util.ArrayList<>();
        for (int i = 0; i < probes; i++) {
            String brand = "probe-" + probeCount++;
            brands.add(brand);
            producer.send(new ProducerRecord<>(Topics.MENTIONS, brand, LatencyRun.probe(brand)));
        }
        producer.flush();
        return brands;
    }

    private void awaitScored(Set<String> expectedIds) throws InterruptedException {
        Set<String> seen = new HashSet<>();
        long[] duplicates = new long[1];
        boolean all = waitFor(Duration.ofMinutes(3), () -> {
            seen.clear();
            duplicates[0] = 0;
            for (ConsumerRecord<String, String> r : TopicSnapshot.read(stack.bootstrapServers(), Topics.MENTIONS_SCORED)) {
                String id = EventJson.read(r.value(), ScoredMention.class).mention().id();
                if (expectedIds.contains(id) && !seen.add(id)) {
                    duplicates[0]++;
                }
            }
            return seen.containsAll(expectedIds);
        });
        long missing = expectedIds.stream().filter(id -> !seen.contains(id)).count();
        check(all, "every mention scored: %,d of %,d (%,d missing; %,d scored twice, which at-least-once allows)",
                expectedIds.size() - missing, expectedIds.size(), missing, duplicates[0]);
    }

    private void awaitEmails(List<String> probeBrands) throws InterruptedException {
        boolean all = waitFor(Duration.ofMinutes(3), () -> emailedBrands().containsAll(probeBrands));
        Set<String> emailed = emailedBrands();
        long got = probeBrands.stream().filter(emailed::contains).count();
        check(all, "every dangerous mention emailed: %d of %d", got, probeBrands.size());
        checkNoDuplicateEmails();
    }

    private Set<String> emailedBrands() {
        Set<String> brands = new HashSet<>();
        for (MimeMessage m : inbox.messages()) {
            try {
                for (var a : m.getAllRecipients()) {
                    String address = a.toString();
                    if (address.startsWith("pr@probe-")) {
                        brands.add(address.substring(3, address.indexOf(".example")));
                    }
                }
            } catch (MessagingException | NullPointerException e) {
                // not one of ours
            }
        }
        return brands;
    }

    private void check(boolean ok, String format, Object... args) {
        System.out.printf("   %s %s%n", ok ? "PASS" : "FAIL", String.format(java.util.Locale.ROOT, format, args));
        if (!ok) {
            failures++;
        }
    }

    private static boolean waitFor(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return condition.getAsBoolean();
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (MessagingException e) {
            return null;
        }
    }
}
