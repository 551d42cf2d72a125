package dev.earshot.load;

import dev.earshot.events.Alert;
import dev.earshot.events.BrandRef;
import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.Rating;
import dev.earshot.events.SourceRef;
import dev.earshot.events.Topics;
import dev.earshot.local.LocalInbox;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Mention-to-alert latency under a steady stream: calm mentions at a fixed rate, and now and then
 * one dangerous mention of a fresh "probe" brand. Times each probe from its send to its record on
 * {@code alerts}, and to the moment the SMTP server holds its email.
 */
final class LatencyRun {

    record Result(List<Long> toAlertMillis, List<Long> toEmailMillis, int probes) {
    }

    static Result run(String bootstrap, LocalInbox inbox, int calmPerSecond, int probes, Duration probeEvery,
            int calmBrands) throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> alertAt = new ConcurrentHashMap<>();
        Map<String, Long> emailAt = new ConcurrentHashMap<>();
        Thread alertWatcher = new Thread(() -> watchAlerts(bootstrap, alertAt, probes), "alert-watcher");
        alertWatcher.setDaemon(true);
        alertWatcher.start();
        Thread.sleep(2000); // the watcher has joined its group before the first probe

        MentionGenerator calm = new MentionGenerator(7, calmBrands, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            long tickNanos = 10_000_000L; // send in 10 ms slices
            int calmPerTick = Math.max(1, calmPerSecond / 100);
            long nextProbe = System.nanoTime();
            int sentProbes = 0;
            long next = System.nanoTime();
            while (sentProbes < probes) {
                for (int i = 0; i < calmPerTick; i++) {
                    MentionGenerator.KeyedPayload p = calm.next();
                    producer.send(new ProducerRecord<>(Topics.MENTIONS, p.key(), p.value()));
                }
                if (System.nanoTime() >= nextProbe) {
                    String brand = "probe-" + sentProbes++;
                    producer.send(new ProducerRecord<>(Topics.MENTIONS, brand, probe(brand)));
                    sentAt.put(brand, System.currentTimeMillis());
                    nextProbe += probeEvery.toNanos();
                }
                pollInbox(inbox, emailAt);
                next += tickNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            producer.flush();
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while ((alertAt.size() < probes || emailAt.size() < probes) && System.currentTimeMillis() < deadline) {
            pollInbox(inbox, emailAt);
            Thread.sleep(20);
        }
        List<Long> toAlert = new ArrayList<>();
        List<Long> toEmail = new ArrayList<>();
        sentAt.forEach((brand, t) -> {
            if (alertAt.containsKey(brand)) {
                toAlert.add(alertAt.get(brand) - t);
            }
            if (emailAt.containsKey(brand)) {
                toEmail.add(emailAt.get(brand) - t);
            }
        });
        return new Result(toAlert, toEmail, probes);
    }

    /** A mention alert-service must act on at once: a 1-star complaint with crisis terms. */
    static byte[] probe(String brandId) {
        return probe(brandId, 0);
    }

    /** The same, its text padded with {@code padding} more characters of the same complaint. */
    static byte[] probe(String brandId, int padding) {
        String name = "Probe " + brandId.substring("probe-".length()) + " Coffee";
        String complaint = "Food poisoning after lunch at " + name + ": three of us were sick all night, the staff were "
                + "rude when we called, and nobody answers. Disgusting. I am talking to a lawyer. ";
        String text = complaint.repeat(1 + padding / complaint.length()) + UUID.randomUUID();
        String url = "https://reviews.example/probe/" + brandId;
        Mention m = new Mention(Mention.SCHEMA_VERSION, MentionIds.id("load-probe", null, url, text),
                MentionIds.contentHash(null, text), new BrandRef(brandId, name),
                new SourceRef("load-probe", "feed", "https://reviews.example/feed.xml"), url, null, text, "Probe",
                new Rating(1, 5), Instant.now(), Instant.now(), List.of(name.toLowerCase()));
        return EventJson.write(m);
    }

    private static void watchAlerts(String bootstrap, Map<String, Long> alertAt, int probes) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                // alert-service writes alerts in transactions: read only what was committed.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.ALERTS));
            while (alertAt.size() < probes && !Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    Alert alert = EventJson.read(r.value(), Alert.class);
                    if (alert.brand().id().startsWith("probe-")) {
                        alertAt.putIfAbsent(alert.brand().id(), now);
                    }
                }
            }
        }
    }

    /** Notes when each probe brand's first email is in the inbox (its recipient names the brand). */
    private static void pollInbox(LocalInbox inbox, Map<String, Long> emailAt) {
        long now = System.currentTimeMillis();
        for (MimeMessage m : inbox.rawMessages()) {
            try {
                Address[] to = m.getAllRecipients();
                for (Address a : to == null ? new Address[0] : to) {
                    String address = a.toString();
                    if (address.startsWith("pr@probe-")) {
                        emailAt.putIfAbsent(address.substring(3, address.indexOf(".example")), now);
                    }
                }
            } catch (MessagingException e) {
                // a message we cannot read is not one of ours
            }
        }
    }

    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private LatencyRun() {
    }

    static String describe(List<Long> millis) {
        return String.format(java.util.Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms (%d samples)",
                percentile(millis, 50), percentile(millis, 99), percentile(millis, 100), millis.size());
    }

}
