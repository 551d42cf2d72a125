package dev.earshot.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.earshot.ingest.support.FixtureSiteResource;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A preset, as a person uses it over the API: listed, expanded to a plain source, previewed; bad parameters refused. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(FixtureSiteResource.class)
class PresetApiTest {

    @Test
    void aPresetIsListedAndExpandsToThePlainSourceItMakesWithAPreview() {
        given().header("Authorization", "Bearer " + FixtureSiteResource.READ_TOKEN).get("/api/presets").then()
                .statusCode(200).body("name", hasItem("youtube-channel")).body("name", not(hasItem("x-twitter")));
        given().header("Authorization", "Bearer " + FixtureSiteResource.TOKEN).contentType(ContentType.JSON)
                .body("{\"parameter\": \"r/kestrelbikes\", \"brand\": \"northwind\"}").post("/api/presets/reddit-subreddit")
                .then().statusCode(200)
                .body("source.id", equalTo("reddit-subreddit-r-kestrelbikes"))
                .body("source.kind", equalTo("feed"))
                .body("source.url", equalTo("https://www.reddit.com/r/kestrelbikes/new/.rss"))
                .body("source.brand", equalTo("northwind"))
                .body("preview.sourceUrl", equalTo("https://www.reddit.com/r/kestrelbikes/new/.rss"));
    }

    @Test
    void aWrongParameterOrPresetIsA422ThatSaysWhy() {
        given().header("Authorization", "Bearer " + FixtureSiteResource.TOKEN).contentType(ContentType.JSON)
                .body("{\"parameter\": \"../../admin\"}").post("/api/presets/reddit-subreddit").then().statusCode(422)
                .body("problems[0]", equalTo("'../../admin' is not a subreddit name"));
        given().header("Authorization", "Bearer " + FixtureSiteResource.TOKEN).contentType(ContentType.JSON)
                .body("{\"parameter\": \"kestrel\"}").post("/api/presets/x-twitter").then().statusCode(422)
                .body("problems[0]", containsString("no preset 'x-twitter'"));
        given().header("Authorization", "Bearer " + FixtureSiteResource.READ_TOKEN).contentType(ContentType.JSON)
                .body("{\"parameter\": \"kestrel\"}").post("/api/presets/reddit-subreddit").then().statusCode(403);
    }
}
