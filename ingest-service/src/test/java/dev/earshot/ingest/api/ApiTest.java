package dev.earshot.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.CatalogBrand;
import dev.earshot.events.CatalogView;
import dev.earshot.events.EventJson;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.Mention;
import dev.earshot.events.Topics;
import dev.earshot.ingest.Ingest;
import dev.earshot.ingest.poll.PollScheduler;
import dev.earshot.ingest.publish.AckedSender;
import dev.earshot.ingest.publish.KafkaClients;
import dev.earshot.ingest.source.CatalogStore;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.ingest.support.FixtureSiteResource;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The REST API of the running service, on the real broker, as an operator and other systems use it. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(FixtureSiteResource.class)
class ApiTest {

    @Inject
    PollScheduler scheduler;

    @Inject
    Ingest ingest;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + FixtureSiteResource.TOKEN).contentType(ContentType.JSON);
    }

    private static RequestSpecification reader() {
        return given().header("Authorization", "Bearer " + FixtureSiteResource.READ_TOKEN);
    }

    @Test
    void everyKafkaClientGetsTheServicesKafkaSettings() {
        // %test sets kafka.client.dns.lookup; a SASL/TLS cluster's kafka.security.protocol and sasl.* travel the same way.
        assertEquals("use_all_dns_ips", ingest.kafka.connection().properties().get("client.dns.lookup"));
        assertEquals(kafka.getBootstrapServers(), ingest.kafka.bootstrapServers());
    }

    @Test
    void readsNeedTheReadOrTheApiTokenChangesTheApiTokenAndHealthIsOpen() {
        // Recipient addresses, feed URLs (which may carry credentials) and metrics are not for strangers.
        for (String path : List.of("/api/brands", "/api/sources", "/api/sources/citybites-feed/status", "/q/metrics")) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                    .body("error", containsString("Authorization: Bearer"));
            given().header("Authorization", "Bearer not-the-token").get(path).then().statusCode(401);
            reader().get(path).then().statusCode(200);
        }
        reader().get("/api/brands").then().body("recipients.flatten()", hasItem("pr@northwind.example"));
        authorized().get("/api/brands").then().statusCode(200).body("id", hasItem("northwind"));
        given().get("/q/health").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"id\":\"sneaky\",\"terms\":[\"x\"]}").post("/api/brands")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        reader().contentType(ContentType.JSON).body("{\"id\":\"sneaky\",\"terms\":[\"x\"]}").post("/api/brands")
                .then().statusCode(403).body("error", containsString("read token cannot change"));
        given().header("Authorization", "Bearer not-the-token").delete("/api/brands/northwind").then().statusCode(401);
        given().contentType(ContentType.JSON).body("[]").post("/api/mentions").then().statusCode(401);
        reader().contentType(ContentType.JSON).body("{}").post("/api/sources/preview").then().statusCode(403);
        reader().get("/api/brands/sneaky").then().statusCode(404);
    }

    @Test
    void brandsAndSourcesAreManagedOverTheApiAndKeptInKafka() {
        authorized().body("""
                {"id": "acme-mobile", "name": "Acme Mobile", "query": "\\"Acme Mobile\\" OR (Acme AND (phone OR signal))",
                 "exclude": ["Acme Anvils"]}""").post("/api/brands")
                .then().statusCode(201).header("Location", containsString("/api/brands/acme-mobile"));
        authorized().body("{\"id\": \"acme-mobile\", \"terms\": [\"Acme\"]}").post("/api/brands").then().statusCode(409);
        authorized().body("{\"id\": \"bad brand!\", \"query\": \"(acme\"}").post("/api/brands").then().statusCode(422)
                .body("error", containsString("must be 1-64 letters"));
        authorized().body("{\"name\": \"Acme Mobile Ltd\", \"terms\": [\"Acme Mobile\"], \"query\": \"(acme\"}")
                .put("/api/brands/acme-mobile").then().statusCode(422).body("error", equalTo("brand 'acme-mobile' query: a '(' is not closed"));
        authorized().body("{\"name\": \"Acme Mobile Ltd\", \"terms\": [\"Acme Mobile\"]}").put("/api/brands/acme-mobile")
                .then().statusCode(200).body("name", equalTo("Acme Mobile Ltd"));

        authorized().body("""
                {"id": "acme-reviews", "kind": "page", "url": "%s", "brand": "acme-mobile",
                 "selectors": {"review": "article.review", "text": ".review-body"}}"""
                .formatted(FixtureSiteResource.site.url("/files/pages/reviews-page-1.html"))).post("/api/sources")
                .then().statusCode(201);
        authorized().body("{\"id\": \"no-url\", \"kind\": \"feed\"}").post("/api/sources").then().statusCode(422)
                .body("error", equalTo("source 'no-url' has no url"));
        authorized().body("{\"id\": \"bad-css\", \"kind\": \"page\", \"url\": \"https://x.example/\", \"selectors\": {\"review\": \"div[[\"}}")
                .post("/api/sources").then().statusCode(422).body("error", containsString("is not valid CSS"));
        authorized().delete("/api/brands/acme-mobile").then().statusCode(409)
                .body("error", containsString("dedicated to unknown brand 'acme-mobile'"));
        reader().get("/api/sources").then().statusCode(200).body("id", hasItem("acme-reviews"));

        // A replica starting now (or this one after a restart) reads the same catalog back from Kafka.
        KafkaClients clients = new KafkaClients(kafka.getBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = clients.producer("api-test");
                CatalogStore fresh = new CatalogStore(null, clients, new AckedSender(producer, 2, Duration.ofMillis(100)),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            fresh.start();
            fresh.awaitCaughtUp(Duration.ofSeconds(30));
            assertEquals("Acme Mobile Ltd", fresh.current().brand("acme-mobile").orElseThrow().name());
            assertTrue(fresh.current().source("acme-reviews").isPresent());
        }

        authorized().delete("/api/sources/acme-reviews").then().statusCode(204);
        authorized().delete("/api/brands/acme-mobile").then().statusCode(204);
        reader().get("/api/brands/acme-mobile").then().statusCode(404);
    }

    @Test
    void aBrandsRecipientsAndAlertSettingsRoundTripAndReachTheCatalogTopic() {
        String body = """
                {"id": "contoso", "name": "Contoso", "terms": ["Contoso"], "recipients": ["pr@contoso.example"],
                 "aspectRecipients": {"delivery": ["logistics@contoso.example"]}, "escalation": ["cmo@contoso.example"],
                 "slackWebhook": "https://hooks.example/T1", "alerting": {"instantThreshold": -0.7, "spikeMinCount": 4}}""";
        authorized().body(body).post("/api/brands").then().statusCode(201);
        reader().get("/api/brands/contoso").then().statusCode(200)
                .body("aspectRecipients.delivery", equalTo(List.of("logistics@contoso.example")))
                .body("escalation", equalTo(List.of("cmo@contoso.example")))
                .body("slackWebhook", equalTo("https://hooks.example/T1"))
                .body("alerting.instantThreshold", equalTo(-0.7f))
                .body("alerting.spikeMinCount", equalTo(4));
        try (CatalogView view = new CatalogView(KafkaConnection.plaintext(kafka.getBootstrapServers()), "api-test-view",
                (r, why) -> { }).start()) {
            view.awaitCaughtUp(Duration.ofSeconds(30));
            CatalogBrand onTopic = view.brand("contoso").orElseThrow();
            assertEquals(List.of("pr@contoso.example"), onTopic.recipients(), "what alert-service reads");
            assertEquals(4, onTopic.alerting().spikeMinCount());
            assertEquals(null, onTopic.fileHash(), "made over the API");
        }
        authorized().delete("/api/brands/contoso").then().statusCode(204);
    }

    @Test
    void anUnknownKeyInABodyIsRefusedWithItsPath() {
        authorized().body("{\"id\": \"typo\", \"terms\": [\"Typo\"], \"alerting\": {\"spikeMinCunt\": 3}}")
                .post("/api/brands").then().statusCode(422).body("error", equalTo("alerting.spikeMinCunt: unknown key"));
        authorized().body("{\"terms\": [\"Northwind\"], \"recipient\": [\"pr@northwind.example\"]}")
                .put("/api/brands/northwind").then().statusCode(422).body("error", equalTo("recipient: unknown key"));
        authorized().body("{\"kind\": \"page\", \"url\": \"https://x.example/\", \"selectors\": {\"revew\": \".r\"}}")
                .put("/api/sources/typo-source").then().statusCode(422).body("error", equalTo("selectors.revew: unknown key"));
        authorized().body("{\"id\": \"typo\", \"terms\": [\"Typo\"], \"alerting\": {\"instantThreshold\": 2, \"driftDrop\": 0}}")
                .post("/api/brands").then().statusCode(422).body("problems", hasSize(2))
                .body("problems[0]", containsString("alerting.driftDrop"))
                .body("problems[1]", containsString("alerting.instantThreshold"));
        authorized().body("{\"id\": \"typo\", \"terms\": [\"Typo\"], \"fileHash\": \"0123456789abcdef\"}")
                .post("/api/brands").then().statusCode(422).body("error", containsString("fileHash"));
        reader().get("/api/brands/typo").then().statusCode(404);
        reader().get("/api/brands/northwind").then().statusCode(200).body("recipients", hasItem("pr@northwind.example"));
    }

    @Test
    void previewShowsEveryItemWithItsBrandsAndPublishesNothing() {
        long before = mentionCount();
        authorized().body("""
                {"kind": "page", "url": "%s",
                 "selectors": {"review": "article.review", "title": ".review-title", "text": ".review-body",
                               "author": ".reviewer-name", "rating": ".stars@data-rating", "date": "time", "link": "a.permalink"}}"""
                .formatted(FixtureSiteResource.site.url("/files/pages/reviews-page-1.html"))).post("/api/sources/preview")
                .then().statusCode(200)
                .body("method", equalTo("selectors"))
                .body("itemCount", equalTo(2))
                .body("items[0].title", equalTo("Cold latte, rude staff"))
                .body("items[0].rating.value", equalTo(1.0f))
                .body("items[0].publishedAt", equalTo("2026-11-22T08:14:00Z"))
                .body("items[1].brands", hasSize(0))
                .body("errors", hasSize(0))
                .body("rendered", equalTo(false));
        authorized().body("{\"kind\": \"page\", \"url\": \"%s\"}"
                .formatted(FixtureSiteResource.site.url("/files/pages/jsonld-product.html"))).post("/api/sources/preview")
                .then().statusCode(200).body("method", equalTo("json-ld"))
                .body("items[0].brands[0].id", equalTo("northwind"))
                .body("items[0].brands[0].matchedTerms", hasItem("northwind"));
        authorized().body("{\"kind\": \"feed\", \"url\": \"%s\"}"
                .formatted(FixtureSiteResource.site.url("/files/feeds/broken.rss"))).post("/api/sources/preview")
                .then().statusCode(200).body("items", hasSize(0))
                .body("errors[0]", containsString("unreadable: not a readable RSS or Atom feed"));
        authorized().body("{\"kind\": \"feed\", \"url\": \"%s\"}"
                .formatted(FixtureSiteResource.site.url("/files/feeds/xxe.rss"))).post("/api/sources/preview")
                .then().statusCode(200).body("errors[0]", containsString("unreadable"));
        assertEquals(before, mentionCount(), "a preview publishes nothing");
    }

    @Test
    void previewOfARenderedPageSaysSoAndRenderIsRefusedOnAFeed() {
        authorized().body("{\"kind\": \"feed\", \"render\": true, \"url\": \"%s\"}"
                .formatted(FixtureSiteResource.site.url("/files/feeds/atom-1.0.xml"))).post("/api/sources/preview")
                .then().statusCode(422)
                .body("error", containsString("render: only a page source is read through the browser, not a feed source"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/chromium")),
                "the rendered preview needs /usr/bin/chromium (apt-get install chromium chromium-driver)");
        authorized().body("""
                {"kind": "page", "render": true, "url": "%s",
                 "selectors": {"review": "article.review", "title": ".review-title", "text": ".review-body"}}"""
                .formatted(FixtureSiteResource.site.url("/files/pages/reviews-page-1.html"))).post("/api/sources/preview")
                .then().statusCode(200)
                .body("rendered", equalTo(true))
                .body("method", equalTo("selectors"))
                .body("items[0].title", equalTo("Cold latte, rude staff"));
    }

    @Test
    void statusTellsHowTheSourceIsDoing() {
        reader().get("/api/sources/nope/status").then().statusCode(404);
        scheduler.pollNow("citybites-feed");
        reader().get("/api/sources/citybites-feed/status").then().statusCode(200)
                .body("outcome", equalTo("ok"))
                .body("items", equalTo(4))
                .body("lastPollAt", notNullValue())
                .body("nextPollAt", notNullValue())
                .body("consecutiveFailures", equalTo(0))
                .body("health", equalTo("ok"))
                .body("polledHere", equalTo(true));
        given().get("/q/health").then().statusCode(200).body("checks.name", hasItem("sources"));
        String metrics = reader().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String series : List.of("earshot_ingest_polls_seconds_count", "earshot_ingest_mentions_found_total",
                "earshot_ingest_mentions_published_total", "earshot_ingest_source_last_success_seconds",
                "earshot_ingest_source_consecutive_failures")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith(series + "{") && l.contains("source=\"citybites-feed\"")),
                    series + " for the source is exported");
        }
    }

    @Test
    void pushedMentionsAreCheckedOneByOneAndPublishedOnce() {
        String batch = """
                [
                  {"source": "helpdesk", "id": "ticket-4411", "text": "Northwind Coffee charged my card twice and support never replied.",
                   "author": "Sam", "rating": {"value": 1, "best": 5}, "publishedAt": "2026-11-22T09:00:00Z",
                   "url": "https://help.northwind.example/t/4411"},
                  {"source": "helpdesk", "id": "ticket-4412", "text": "Where is my parcel from Contoso?"},
                  {"source": "helpdesk", "text": "   "},
                  {"source": "helpdesk", "text": "Northwind was fine", "rating": {"value": 9, "best": 5}, "publishedAt": "yesterday"},
                  {"source": "social", "brand": "northwind", "text": "that place by the station... never again"},
                  "not an object"
                ]""";
        authorized().body(batch).post("/api/mentions").then().statusCode(200)
                .body("accepted", equalTo(3))
                .body("published", equalTo(2))
                .body("results.status", equalTo(List.of("published", "no-brand", "invalid", "invalid", "published", "invalid")))
                .body("results[0].brands", equalTo(List.of("northwind")))
                .body("results[0].ids[0]", notNullValue())
                .body("results[2].error", equalTo("text is missing"))
                .body("results[3].error", equalTo("publishedAt must be an ISO-8601 instant such as 2026-11-22T09:14:00Z; "
                        + "rating value must be between 0 and best, and best above 0"))
                .body("results[5].error", equalTo("each mention must be a JSON object"));
        Mention ticket = pushed().stream().filter(m -> "helpdesk".equals(m.source().id())).findFirst().orElseThrow();
        assertEquals("push", ticket.source().kind());
        assertEquals(1.0, ticket.rating().value());

        authorized().body(batch).post("/api/mentions").then().statusCode(200)
                .body("published", equalTo(0)).body("results[0].status", equalTo("already-published"));
        assertEquals(2, pushed().size(), "pushing the same batch again publishes nothing");
        authorized().body("{\"text\": \"x\"}").post("/api/mentions").then().statusCode(422)
                .body("error", equalTo("the body must be a JSON array of mentions"));
    }

    private List<Mention> pushed() {
        return BrokerIngest.readAll(kafka.getBootstrapServers(), Topics.MENTIONS).stream()
                .map(r -> EventJson.read(r.value(), Mention.class)).filter(m -> m.source().kind().equals("push")).toList();
    }

    private long mentionCount() {
        return BrokerIngest.readAll(kafka.getBootstrapServers(), Topics.MENTIONS).size();
    }
}
