package dev.earshot.sentiment.messaging;

import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.SCORED_MENTION;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static dev.earshot.events.ContractAssert.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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
        assertEquals(EventJson.read(mention, dev.earshot.events.Mention.class), scored.mention());

        List<ConsumerRecord<String, String>> dead = kafka.consumeStrings().fromTopics(Topics.MENTIONS_DLQ)
                .awaitRecords(2, Duration.ofSeconds(20)).getRecords();
        assertEquals("not json at all", dead.get(0).value());
        assertTrue(KafkaCompanion.getHeader(dead.get(0).headers(), "dead-letter-reason").contains("not a Mention"));
        assertTrue(KafkaCompanion.getHeader(dead.get(1).headers(), "dead-letter-reason").contains("brand.id is missing"));
    }
}
