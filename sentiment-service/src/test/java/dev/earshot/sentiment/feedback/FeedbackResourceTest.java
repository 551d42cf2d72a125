package dev.earshot.sentiment.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.events.EventJson;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import dev.earshot.sentiment.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A correction posted to the API lands on the feedback topic of the real broker, keyed by its mention. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class FeedbackResourceTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aCorrectionIsStoredOnTheFeedbackTopic() throws Exception {
        given().auth().oauth2(TestTokens.API).contentType("application/json")
                .body("{\"mentionId\":\"0123456789abcdef0123456789abcdef\",\"text\":\"Flight delayed another hour.\","
                        + "\"label\":\"negative\",\"complaint\":true,\"scoredLabel\":\"positive\",\"by\":\"dana\"}")
                .post("/api/feedback")
                .then().statusCode(202).body("topic", equalTo(FeedbackPublisher.TOPIC));

        ConsumerRecord<String, String> r = kafka.consumeStrings().fromTopics(FeedbackPublisher.TOPIC)
                .awaitRecords(1, Duration.ofSeconds(30)).getFirstRecord();
        assertEquals("0123456789abcdef0123456789abcdef", r.key());
        JsonNode value = EventJson.mapper().readTree(r.value());
        assertEquals("negative", value.get("label").asText());
        assertEquals(true, value.get("complaint").asBoolean());
        assertEquals("Flight delayed another hour.", value.get("text").asText());
        assertEquals(1, value.get("schemaVersion").asInt());
        assertNotNull(value.get("at").asText());
    }

    @Test
    void aCorrectionWithoutTextOrWithAnUnknownLabelIsRefusedWithEveryProblem() {
        given().auth().oauth2(TestTokens.API).contentType("application/json").body("{\"label\":\"angry\",\"mentionId\":\"nope\"}")
                .post("/api/feedback")
                .then().statusCode(400)
                .body("error", containsString("text is missing"))
                .body("error", containsString("label must be one of"))
                .body("error", containsString("mentionId must be"));
    }
}
