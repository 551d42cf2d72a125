package dev.earshot.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service as operators run it by default: private networks closed to sources added over the API. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(LockedDownApiTest.LockedDown.class)
class LockedDownApiTest {

    static final String TOKEN = "locked-down-token-0123456789";

    public static class LockedDown implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("earshot.ingest.allow-private-networks", "false", "earshot.access.api-token", TOKEN,
                    "earshot.ingest.initial-delay", "1h");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void sourcesIntoThePrivateNetworkAreRefused() {
        for (String url : new String[] {"http://127.0.0.1:8081/q/health", "http://localhost/feed",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/feed.xml", "http://[::1]/"}) {
            given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                    .body("{\"id\": \"inside\", \"kind\": \"feed\", \"url\": \"" + url + "\"}").post("/api/sources")
                    .then().statusCode(422).body("error", containsString("loopback, private or link-local"));
        }
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body("{\"kind\": \"feed\", \"url\": \"http://169.254.169.254/latest/meta-data/\"}").post("/api/sources/preview")
                .then().statusCode(422).body("error", containsString("EARSHOT_ALLOW_PRIVATE_NETWORKS=true"));
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body("{\"id\": \"files\", \"kind\": \"feed\", \"url\": \"file:///etc/passwd\"}").post("/api/sources")
                .then().statusCode(422).body("error", containsString("must be an http(s) URL"));
        given().header("Authorization", "Bearer " + TOKEN).get("/api/sources/inside").then().statusCode(404);
    }

    @Test
    void hostileConfigurationFromATokenHolderIsRefusedWithAClearError() {
        String deep = "(".repeat(10_000) + "acme" + ")".repeat(10_000);
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body("{\"id\": \"deep\", \"query\": \"" + deep + "\"}").post("/api/brands")
                .then().statusCode(422).body("error", containsString("query: must be at most 2"));
        String nested = "(".repeat(100) + "acme" + ")".repeat(100);
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body("{\"id\": \"nested\", \"query\": \"" + nested + "\"}").post("/api/brands")
                .then().statusCode(422).body("error", containsString("nested more than 32 deep"));
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON)
                .body("{\"id\": \"redos\", \"kind\": \"page\", \"url\": \"https://reviews.example/\","
                        + " \"selectors\": {\"review\": \"article:matches((a+)+$)\"}}").post("/api/sources")
                .then().statusCode(422).body("error", containsString("regular expression"));
        given().header("Authorization", "Bearer " + TOKEN).get("/api/brands/deep").then().statusCode(404);
    }
}
