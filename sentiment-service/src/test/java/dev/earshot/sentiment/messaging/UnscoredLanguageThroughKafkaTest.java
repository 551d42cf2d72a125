package dev.earshot.sentiment.messaging;

import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.example;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import dev.earshot.sentiment.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A mention in a language the scorer does not read is written as unknown with its language, and counted, never dropped. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class UnscoredLanguageThroughKafkaTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aGermanComplaintIsWrittenAsUnknownInGermanAndCountedAsUnscored() throws Exception {
        ObjectNode german = (ObjectNode) EventJson.mapper().readTree(example(MENTION));
        german.put("id", "000000000000000000000000000de001");
        german.put("title", "Kalter Kaffee");
        german.put("text", "Das Essen war nicht gut und der Service war sehr langsam. Nie wieder!");
        german.remove("rating");
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTIONS, "northwind", german.toString()))
                .awaitCompletion();

        ConsumerTask<String, String> scored = kafka.consumeStrings().fromTopics(Topics.MENTIONS_SCORED);
        await().atMost(Duration.ofSeconds(60)).until(() -> scored.getRecords().stream()
                .anyMatch(r -> r.value().contains("000000000000000000000000000de001")));
        String value = scored.getRecords().stream().filter(r -> r.value().contains("000000000000000000000000000de001"))
                .findFirst().orElseThrow().value();
        scored.close();
        ScoredMention m = EventJson.read(value, ScoredMention.class);
        assertEquals(Label.UNKNOWN, m.label());
        assertEquals("de", m.language());
        assertFalse(m.complaint(), "not read, so not judged");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.READ).get("/q/metrics").asString().lines().anyMatch(l ->
                l.startsWith("earshot_sentiment_mentions_unscored_total") && l.contains("language=\"de\"")
                        && l.contains("brand=\"northwind\"") && !l.endsWith(" 0.0")));
    }
}
