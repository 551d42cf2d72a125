package dev.earshot.alert.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.earshot.events.BrandRef;
import dev.earshot.events.EventJson;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.SourceRef;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;


/**
 * Ad hoc drill, not a test: runs the packaged alert-service, plays a storm of furious complaints,
 * kills it with SIGKILL at a random moment after each start, starts it again, and counts the emails
 * and duplicates (same Message-ID). See alert-service/README.md for the command and the result.
 */
public class KillDrill {
    static Path work;
    static EmbeddedKafkaBroker broker;
    static Path catalog;

    public static void main(String[] args) throws Exception {
        work = Files.createTempDirectory("kill-drill");
        broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0, true);
        broker.createTopics(2, Topics.MENTIONS_SCORED, Topics.ALERTS, Topics.MENTIONS_SCORED_DLQ);
        GreenMail mail = new GreenMail(new ServerSetup(39026, "127.0.0.1", "smtp"));
        mail.start();
        catalog = work.resolve("earshot.yaml");
        Files.writeString(catalog, "brands:\n  - id: acme\n    name: Acme\n    recipients: [\"pr@acme.example\"]\n");
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        broker.createTopics(1, Topics.CATALOG);
        CatalogSeed.write(props, catalog);
        KafkaProducer<String, String> prod = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        int rounds = Integer.parseInt(args[1]);
        int seq = 0;
        for (int round = 0; round < rounds; round++) {
            Process p = start(args[0], round);
            // A storm: furious complaints every 50 ms while the process is killed at a random moment.
            long killAt = System.currentTimeMillis() + 300 + new Random(round).nextInt(1500);
            while (System.currentTimeMillis() < killAt) {
                send(prod, "Awful, rude, charged twice, never again " + seq++);
                Thread.sleep(50);
            }
            p.destroyForcibly().waitFor();
            System.out.println("round " + round + ": killed -9 with " + mail.getReceivedMessages().length + " emails so far");
        }
        Process last = start(args[0], rounds);
        Thread.sleep(12_000);
        last.destroy();
        last.waitFor();
        Map<String, Integer> byId = new TreeMap<>();
        for (var m : mail.getReceivedMessages()) {
            byId.merge(m.getMessageID() + " " + m.getSubject(), 1, Integer::sum);
        }
        System.out.println(seq + " complaints, " + mail.getReceivedMessages().length + " emails:");
        byId.forEach((k, v) -> System.out.println("  " + v + " x " + k));
        mail.stop();
        broker.close();
    }

    static void send(KafkaProducer<String, String> prod, String text) throws Exception {
        Mention m = new Mention(1, MentionIds.id("reviewly", null, null, text), MentionIds.contentHash(null, text),
                new BrandRef("acme", "Acme"), new SourceRef("reviewly", "feed", null), null, null, text, null, null,
                null, Instant.now(), List.of());
        ScoredMention s = new ScoredMention(1, m, -0.9, Label.NEGATIVE, true, Intent.COMPLAINT, List.of(), List.of(), "en", false, Instant.now());
        prod.send(new ProducerRecord<>(Topics.MENTIONS_SCORED, "acme", EventJson.writeString(s))).get();
    }

    static Process start(String jar, int round) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar);
        pb.environment().putAll(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", "39026",
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "QUARKUS_HTTP_PORT", "39084",
                "EARSHOT_ALERT_NOTIFICATIONS_UPDATE_INTERVAL", "2s", "EARSHOT_ALERT_NOTIFICATIONS_TICK", "200ms",
                "EARSHOT_ALERT_STREAMS_STATE_DIR", work.resolve("state").toString()));
        pb.redirectErrorStream(true).redirectOutput(work.resolve("alert-" + round + ".log").toFile());
        Process p = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < 120_000) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:39084/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return p;
                }
            } catch (Exception e) { }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not ready");
    }
}
