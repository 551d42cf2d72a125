package dev.earshot.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import dev.earshot.alert.support.GreenMailResource;
import dev.earshot.alert.support.Mails;
import dev.earshot.alert.support.RestartableKafkaResource;
import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The broker is stopped and started again (same port, same data) under the running service while
 * mentions flow: alert-service must go on alerting by itself, with no restart of its own.
 */
@QuarkusTest
@WithTestResource(RestartableKafkaResource.class)
@WithTestResource(GreenMailResource.class)
class BrokerRestartTest {

    GreenMail greenMail;

    @Test
    void brokerRestartUnderTrafficThenAlertsAgain() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RestartableKafkaResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            AtomicBoolean flowing = new AtomicBoolean(true);
            Thread calm = new Thread(() -> {
                int i = 0;
                while (flowing.get()) {
                    String brand = "calm-" + (i % 12);
                    ScoredMention m = ScoredMentions.of(brand, "Calm " + (i % 12), "Lovely coffee, friendly staff " + i,
                            0.7, Label.POSITIVE);
                    producer.send(record(m, Instant.now()));
                    i++;
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "calm-mentions");
            calm.start();
            try {
                producer.send(record(ScoredMentions.of("brokerco", "Broker Co",
                        "Charged twice and support hung up. Awful!", -0.9, Label.NEGATIVE), Instant.now())).get();
                awaitMails("pr@brokerco.example", 1, Duration.ofSeconds(30));

                RestartableKafkaResource.restart(Duration.ofSeconds(5));

                producer.send(record(ScoredMentions.of("afterco", "After Co",
                        "Food poisoning after lunch, my lawyer will hear of it.", -0.9, Label.NEGATIVE),
                        Instant.now())).get();
                List<MimeMessage> after = awaitMails("pr@afterco.example", 1, Duration.ofSeconds(40));
                assertEquals(1, after.size());
            } finally {
                flowing.set(false);
                calm.join();
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> given().when().get("/q/health/ready").then().statusCode(200));
    }

    private static ProducerRecord<String, String> record(ScoredMention scored, Instant at) {
        return new ProducerRecord<>(Topics.MENTIONS_SCORED, null, at.toEpochMilli(), scored.mention().brand().id(),
                EventJson.writeString(scored));
    }

    private List<MimeMessage> awaitMails(String address, int count, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> Mails.to(greenMail, address), m -> m.size() >= count);
    }
}
