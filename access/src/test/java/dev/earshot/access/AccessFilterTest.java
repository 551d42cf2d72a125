package dev.earshot.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessFilterTest {

    private static final String READ = "Bearer read-token-0123456789abcdef";
    private static final String API = "Bearer api-token-0123456789abcdef";

    @Test
    void restRoutesNeedATokenToRead() {
        given().get("/api/things").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .body(containsString("EARSHOT_READ_TOKEN"));
        given().header("Authorization", READ).get("/api/things").then().statusCode(200).body(equalTo("things"));
    }

    @Test
    void metricsNeedATokenToo() {
        given().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", READ).get("/q/metrics").then().statusCode(200)
                .body(containsString("earshot_access_refused_total"));
    }

    @Test
    void changesNeedTheApiToken() {
        given().header("Authorization", READ).post("/api/things").then().statusCode(403);
        given().header("Authorization", API).post("/api/things").then().statusCode(200).body(equalTo("added"));
    }

    @Test
    void healthAndOpenPathsNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/open/page").then().statusCode(200).body(equalTo("open"));
    }
}
