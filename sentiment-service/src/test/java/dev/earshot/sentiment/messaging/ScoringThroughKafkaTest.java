package dev.earshot.sentiment.messaging;

import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.SCORED_MENTION;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static dev.earshot.events.ContractAssert.example;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** sentiment-service between two topics of the real broker. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ScoringThroughKafkaTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void scoresTheDocumentedMentionKeepingItsKeyAndSkipsBadRecordsToTheDlq() {
        String mention = example(MENTION); // as documented, and as ingest-service writes it
        kafka.produceStrings().fromRecords(
                new ProducerRecord<>(Topics.MENTIONS, "northwind", "not json at all"),
                new ProducerRecord<>(Topics.MENTIONS, "northwind", "{\"schemaVersion\":1,\"id\":\"x\",\"text\":\"t\"}"),
                new ProducerRecord<>(Topics.MENTIONS, "northwind", mention)).awaitCompletion();

        ConsumerRecord<String, String> out = kafka.consumeStrings().fromTopics(Topics.MENTIONS_SCORED)
                .awaitRecords(1, Duration.ofSeconds(20)).getFirstRecord();
        assertEquals("northwind", out.key());
        assertMatchesSchema(SCORED_MENTION, out.value());
        ScoredMention scored = EventJson.read(out.value(), ScoredMention.class);
        assertEquals(Label.NEGATIVE, scored.label(), "\"cold latte … Never again.\" with 1 star is negative");
        assertTrue(scored.score() < 0);
        assertFalse(scored.explanation().isEmpty(), "every score says why");
        assertTrue(scored.confidence() != null && scored.confidence() > 0.5, "the console shows how sure: " + scored.confidence());
        assertTrue(scored.probabilities().negative() > scored.probabilities().positive(), scored.probabilities().toString());
        assertEquals(EventJson.read(mention, dev.earshot.events.Mention.class), scored.mention());

        // Other tests share the broker: pick this test's two records out of the DLQ.
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.MENTIONS_DLQ);
        String notJson = "not json at all";
        String noBrand = "{\"schemaVersion\":1,\"id\":\"x\",\"text\":\"t\"}";
        await().atMost(Duration.ofSeconds(20)).until(() -> dead(dlq, notJson).isPresent() && dead(dlq, noBrand).isPresent());
        assertTrue(reason(dead(dlq, notJson).orElseThrow()).contains("not a Mention"));
        assertTrue(reason(dead(dlq, noBrand).orElseThrow()).contains("brand.id is missing"));
        assertEquals("northwind", dead(dlq, notJson).orElseThrow().key(), "a dead letter keeps its key");
        assertEquals(Topics.MENTIONS, KafkaCompanion.getHeader(dead(dlq, notJson).orElseThrow().headers(), "dead-letter-topic"));
        dlq.close();
    }

    @Test
    void aMentionTooLargeToWriteOnceScoredGoesToTheDlqWithItsReasonAndTheRestFlows() throws Exception {
        ObjectNode huge = (ObjectNode) EventJson.mapper().readTree(example(MENTION));
        huge.put("id", "00000000000000000000000000000abc");
        huge.put("text", "The service was awful and the food was cold. ".repeat(25_000)); // ~1.1 MB, over Kafka's 1 MiB
        ObjectNode next = (ObjectNode) EventJson.mapper().readTree(example(MENTION));
        next.put("id", "00000000000000000000000000000def");
        // The mention itself fits on the topic (compressed); what sentiment-service writes from it does not.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MENTIONS, 0, "northwind", huge.toString())).get();
            producer.send(new ProducerRecord<>(Topics.MENTIONS, 0, "northwind", next.toString())).get();
        }

        ConsumerTask<String, String> scored = kafka.consumeStrings().fromTopics(Topics.MENTIONS_SCORED);
        await().atMost(Duration.ofSeconds(60)).until(() -> scored.getRecords().stream()
                .anyMatch(r -> r.value().contains("00000000000000000000000000000def")));
        scored.close();
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(Topics.MENTIONS_DLQ);
        await().atMost(Duration.ofSeconds(60)).until(() -> dlq.getRecords().stream()
                .anyMatch(r -> r.value().contains("00000000000000000000000000000abc")));
        ConsumerRecord<String, String> dead = dlq.getRecords().stream()
                .filter(r -> r.value().contains("00000000000000000000000000000abc")).findFirst().orElseThrow();
        dlq.close();
        assertTrue(reason(dead).contains("cannot write to mentions-scored") && reason(dead).contains("RecordTooLarge"),
                reason(dead));
        assertEquals(String.valueOf(huge.toString().getBytes(StandardCharsets.UTF_8).length),
                KafkaCompanion.getHeader(dead.headers(), "dead-letter-truncated"), "says it was cut, and from what");
        assertTrue(huge.toString().startsWith(dead.value()), "the DLQ value is the start of the record as received");
    }

    private static Optional<ConsumerRecord<String, String>> dead(ConsumerTask<String, String> dlq, String value) {
        return dlq.getRecords().stream().filter(r -> value.equals(r.value())).findFirst();
    }

    private static String reason(ConsumerRecord<String, String> r) {
        return KafkaCompanion.getHeader(r.headers(), "dead-letter-reason");
    }
}
