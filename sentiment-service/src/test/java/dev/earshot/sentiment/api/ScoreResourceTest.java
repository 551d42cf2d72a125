package dev.earshot.sentiment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.earshot.kafka.embedded.KafkaBrokerResource;
import dev.earshot.sentiment.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Collections;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ScoreResourceTest {

    @Test
    void scoringAndMetricsNeedAToken() {
        // Anyone who reached the port could make it score (CPU) and read its metrics (brand names).
        given().contentType(ContentType.JSON).body("[{\"text\": \"hello\"}]").when().post("/api/score")
                .then().statusCode(401);
        given().when().get("/q/metrics").then().statusCode(401);
        given().auth().oauth2(TestTokens.READ).when().get("/q/metrics").then().statusCode(200);
        given().auth().oauth2(TestTokens.READ).contentType(ContentType.JSON)
                .body("{\"text\":\"x\",\"label\":\"negative\"}").when().post("/api/feedback").then().statusCode(403);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void scoresEachTextInOrderWithItsExplanation() {
        given().auth().oauth2(TestTokens.READ).contentType(ContentType.JSON).body("""
                [{"text": "Still waiting for my refund, nobody called back."},
                 {"text": "Lovely staff and the best flat white in town!", "rating": {"value": 5, "best": 5}},
                 {"text": "ok"}]
                """)
                .when().post("/api/score")
                .then().statusCode(200)
                .body("$", hasSize(3))
                .body("[0].label", equalTo("negative"))
                .body("[0].complaint", equalTo(true))
                .body("[0].score", lessThan(0f))
                .body("[0].explanation", not(empty()))
                .body("[1].label", equalTo("positive"))
                .body("[1].intent", equalTo("praise"));
    }

    @Test
    void eachAnswerCarriesItsConfidenceAndCalibratedProbabilities() {
        given().auth().oauth2(TestTokens.READ).contentType(ContentType.JSON).body("""
                [{"text": "My parcel is three days late and nobody answers the phone."}, {"text": "!!!"}]
                """)
                .when().post("/api/score")
                .then().statusCode(200)
                .body("[0].label", equalTo("negative"))
                .body("[0].confidence", greaterThan(0.5f))
                .body("[0].probabilities.negative", greaterThan(0.5f))
                .body("[0].probabilities.complaint", greaterThan(0.5f))
                .body("[0].explanation.rule", hasItem("learned"))
                .body("[1].label", equalTo("unknown"))
                .body("[1].confidence", equalTo(0f))
                .body("[1].probabilities", nullValue());
    }

    @Test
    void refusesAnEmptyBatch() {
        given().auth().oauth2(TestTokens.READ).contentType(ContentType.JSON).body("[]").when().post("/api/score")
                .then().statusCode(400).body("error", containsString("1 to 1000 items"));
    }

    @Test
    void refusesMoreThanAThousandItems() {
        String body = "[" + String.join(",", Collections.nCopies(1001, "{\"text\":\"fine\"}")) + "]";
        given().auth().oauth2(TestTokens.READ).contentType(ContentType.JSON).body(body).when().post("/api/score")
                .then().statusCode(400).body("error", equalTo("too many items: 1001, at most 1000 per request"));
    }

    @Test
    void namesEveryBadItemByIndex() {
        String huge = "a".repeat(ScoreRequest.MAX_TEXT_CHARS + 1);
        given().auth().oauth2(TestTokens.READ).contentType(ContentType.JSON)
                .body("[{\"text\":\"fine\"},{\"rating\":{\"value\":1,\"best\":5}},{\"text\":\"" + huge + "\"}]")
                .when().post("/api/score")
                .then().statusCode(400)
                .body("error", equalTo("2 item(s) cannot be scored"))
                .body("items[0].index", equalTo(1))
                .body("items[0].error", equalTo("text is missing"))
                .body("items[1].index", equalTo(2))
                .body("items[1].error", containsString("at most 20000"));
    }

    @Test
    void refusesSomethingThatIsNotAnArray() {
        given().auth().oauth2(TestTokens.READ).contentType(ContentType.JSON).body("{\"text\": \"hi\"}").when().post("/api/score")
                .then().statusCode(400);
    }
}
