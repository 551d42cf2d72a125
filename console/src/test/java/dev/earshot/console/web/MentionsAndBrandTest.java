package dev.earshot.console.web;

import static dev.earshot.console.web.ConsolePagesTest.login;
import static dev.earshot.console.web.ConsolePagesTest.page;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.console.support.AlertServiceStub;
import dev.earshot.console.support.Events;
import dev.earshot.console.support.PostgresResource;
import dev.earshot.console.support.TestUsers;
import dev.earshot.events.Contribution;
import dev.earshot.events.EventJson;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Mention;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.SourceRef;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The Mentions page's stream, highlights, filters, conflict queue and corrections; the Brand page's figures. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TestUsers.class)
@WithTestResource(AlertServiceStub.class)
class MentionsAndBrandTest {

    static final String HOSTILE = "Cold <script>alert('x')</script> <img src=x onerror=alert(1)>"
            + " <a href=\"javascript:alert(2)\">click</a> rude staff";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @TestHTTPResource("/")
    URL base;

    static ScoredMention mention(String id, String brand, String text, double score, Label label, boolean conflict,
            List<String> terms, String language, Instant fetched) {
        Mention m = new Mention(1, id, "9a8b7c6d5e4f3a2b", new dev.earshot.events.BrandRef(brand, brand + " Ltd"),
                new SourceRef("review-site", "feed", "http://127.0.0.1:8090/feed.xml"), "https://reviews.example/" + id,
                "A title", text, "Sam", new Rating(conflict ? 5 : 1, 5), fetched.minusSeconds(60), fetched, List.of(brand));
        return new ScoredMention(1, m, score, label, label == Label.NEGATIVE, label == Label.NEGATIVE ? Intent.COMPLAINT
                : Intent.PRAISE, List.of("staff"), terms.stream().map(t -> new Contribution(t, "lexicon", -0.5)).toList(),
                language, conflict, fetched.plusMillis(10), 0.73, null);
    }

    private void publish(ScoredMention... ms) {
        kafka.produceStrings().fromRecords(java.util.Arrays.stream(ms).map(s -> new ProducerRecord<>(Topics.MENTIONS_SCORED,
                s.mention().brand().id(), EventJson.writeString(s))).toList()).awaitCompletion();
    }

    private void awaitMention(String user, String path, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> page(user, path).selectFirst("article[id^=m-" + id + "-]") != null);
    }

    @Test
    void aCorrectionSentimentServiceRefusedIsSentAgainFromTheCorrectionsPage() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(mention("c7000000000000000000000000000001", "resend", "Lovely, cold again", 0.5, Label.POSITIVE,
                false, List.of("lovely"), "en", now));
        awaitMention("rosa", "/mentions?brand=resend", "c7000000000000000000000000000001");
        String rosa = login("rosa");
        Response p = given().cookie("earshot-console", rosa).get("/mentions?brand=resend");
        Element token = Jsoup.parse(p.asString()).selectFirst("form.feedback input[type=hidden]");
        String csrf = p.cookie("earshot-csrf");
        AlertServiceStub.FEEDBACK.clear();
        AlertServiceStub.FEEDBACK_STATUS = 503;
        try {
            Response kept = given().redirects().follow(false).cookie("earshot-console", rosa).cookie("earshot-csrf", csrf)
                    .formParam(token.attr("name"), token.val()).formParam("mention", "c7000000000000000000000000000001")
                    .formParam("brand", "resend").formParam("label", "negative").post("/mentions/feedback");
            assertTrue(kept.header("Location").endsWith("notice=feedback_kept"), kept.header("Location"));
        } finally {
            AlertServiceStub.FEEDBACK_STATUS = 202;
        }
        Element row = page("vera", "/mentions/feedback").select("tr").stream()
                .filter(r -> r.text().contains("c7000000000000000000000000000001")).findFirst().orElseThrow();
        assertTrue(row.text().contains("no: HTTP 503"), row.text());
        assertTrue(page("vera", "/mentions/feedback").select("form.resend").isEmpty(), "a viewer sees no resend");

        String vera = login("vera");
        Response vp = given().cookie("earshot-console", vera).get("/mentions/feedback");
        assertEquals(403, given().redirects().follow(false).cookie("earshot-console", vera)
                .cookie("earshot-csrf", vp.cookie("earshot-csrf")).formParam("csrf-token", vp.cookie("earshot-csrf"))
                .post("/mentions/feedback/resend").statusCode());
        assertEquals(400, given().redirects().follow(false).cookie("earshot-console", rosa).cookie("earshot-csrf", csrf)
                .post("/mentions/feedback/resend").statusCode(), "no CSRF token");
        assertEquals(1, AlertServiceStub.FEEDBACK.size(), "only the refused first try");

        Response fp = given().cookie("earshot-console", rosa).get("/mentions/feedback");
        Element resendToken = Jsoup.parse(fp.asString()).selectFirst("form.resend input[type=hidden]");
        Response again = given().redirects().follow(false).cookie("earshot-console", rosa)
                .cookie("earshot-csrf", fp.cookie("earshot-csrf")).formParam(resendToken.attr("name"), resendToken.val())
                .post("/mentions/feedback/resend");
        assertEquals(303, again.statusCode());
        assertTrue(again.header("Location").endsWith("/mentions/feedback?notice=feedback_resent"), again.header("Location"));
        assertEquals(2, AlertServiceStub.FEEDBACK.size());
        assertEquals(AlertServiceStub.FEEDBACK.get(0), AlertServiceStub.FEEDBACK.get(1), "the same correction, as it was");
        Element sent = page("vera", "/mentions/feedback").select("tr").stream()
                .filter(r -> r.text().contains("c7000000000000000000000000000001")).findFirst().orElseThrow();
        assertTrue(sent.text().endsWith("yes"), sent.text());
        Response none = given().redirects().follow(false).cookie("earshot-console", rosa)
                .cookie("earshot-csrf", fp.cookie("earshot-csrf")).formParam(resendToken.attr("name"), resendToken.val())
                .post("/mentions/feedback/resend");
        assertTrue(none.header("Location").endsWith("notice=nothing_unsent"), none.header("Location"));
        assertEquals(2, AlertServiceStub.FEEDBACK.size(), "a sent correction is not sent again");
    }

    @Test
    void theWordsThatDroveTheScoreAreHighlightedAndAHostileTextStaysText() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(mention("c1000000000000000000000000000001", "hilite", HOSTILE, -0.8, Label.NEGATIVE, false,
                List.of("script", "rude staff", "cold"), "en", now));
        awaitMention("vera", "/mentions?brand=hilite", "c1000000000000000000000000000001");
        Document doc = page("vera", "/mentions?brand=hilite");
        Element art = doc.selectFirst("article[id^=m-c1000000000000000000000000000001]");
        Element text = art.selectFirst(".text");
        assertEquals(List.of("Cold", "script", "script", "rude staff"), text.select("mark").eachText());
        assertEquals(HOSTILE, text.text().replace("\u00a0", " "), "the text as written, not markup");
        assertTrue(art.select("script, img, a[href^=javascript]").isEmpty());
        assertTrue(doc.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                .noneMatch(a -> a.getKey().startsWith("on")), "no event handler from the review");
        assertTrue(art.selectFirst(".meta").text().contains("confidence 73%"), art.selectFirst(".meta").text());
    }

    @Test
    void filtersForRatingLanguageAndTimeAreInTheUrlAndTheConflictQueueListsContradictions() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(mention("c2000000000000000000000000000001", "filters", "Terrible, never again", -0.9, Label.NEGATIVE,
                        true, List.of("terrible"), "en", now),
                mention("c2000000000000000000000000000002", "filters", "Schrecklich", -0.9, Label.NEGATIVE, false,
                        List.of(), "de", now.minus(Duration.ofDays(3))));
        awaitMention("vera", "/mentions?brand=filters", "c2000000000000000000000000000002");
        awaitMention("vera", "/mentions?brand=filters", "c2000000000000000000000000000001");
        Document queue = page("vera", "/mentions?brand=filters&conflict=yes");
        assertEquals(1, queue.select("article").size());
        assertTrue(queue.selectFirst("article").text().contains("text contradicts rating"));
        assertEquals("Text contradicts rating", queue.selectFirst("h1").text());
        assertEquals(List.of("de"), page("vera", "/mentions?brand=filters&language=de").select("article .meta")
                .stream().map(e -> e.text().contains(" · de ") ? "de" : "?").toList());
        assertEquals(1, page("vera", "/mentions?brand=filters&since=24h").select("article").size(), "last 24 hours");
        assertEquals(2, page("vera", "/mentions?brand=filters&since=7d").select("article").size());
        Document stars = page("vera", "/mentions?brand=filters&rating=5");
        assertEquals(1, stars.select("article").size());
        assertEquals("5", stars.selectFirst("select[name=rating] option[selected]").val(), "the filter is shown");
        assertTrue(stars.selectFirst("a[download]").attr("href").contains("rating=5"), "the export has the filter");
    }

    @Test
    void theLiveStreamPushesNewMentionsThatPassThePageFilterAsEscapedHtml() throws Exception {
        String cookie = login("vera");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "mentions/stream?brand=live&label=negative"))
                .header("Cookie", "earshot-console=" + cookie).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        BufferedReader lines = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                String event = null;
                for (String line; (line = lines.readLine()) != null;) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && "mention".equals(event)) {
                        return line.substring(5);
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(1500);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(mention("c3000000000000000000000000000001", "live", "Lovely staff", 0.8, Label.POSITIVE, false,
                        List.of("lovely"), "en", now),
                mention("c3000000000000000000000000000002", "live", HOSTILE, -0.8, Label.NEGATIVE, false,
                        List.of("script"), "en", now));
        String html = first.get(30, TimeUnit.SECONDS);
        assertNotNull(html);
        Document d = Jsoup.parseBodyFragment(html);
        Element art = d.selectFirst("article");
        assertTrue(art.id().startsWith("m-c3000000000000000000000000000002"), "the positive one does not pass the filter");
        assertTrue(d.select("script, img, a[href^=javascript]").isEmpty(), html);
        assertEquals(HOSTILE, art.selectFirst(".text").text().replace("\u00a0", " "));
        assertEquals(List.of("script", "script"), art.select(".text mark").eachText());
        res.body().close();
    }

    @Test
    void thisIsWrongKeepsTheCorrectLabelSendsItToSentimentServiceAndExportsIt() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(mention("c4000000000000000000000000000001", "fb", "Great, another cold latte", 0.6, Label.POSITIVE,
                false, List.of("great"), "en", now));
        awaitMention("rosa", "/mentions?brand=fb", "c4000000000000000000000000000001");
        assertTrue(page("vera", "/mentions?brand=fb").select("form.feedback").isEmpty(), "a viewer sees no correction");

        String rosa = login("rosa");
        Response p = given().cookie("earshot-console", rosa).get("/mentions?brand=fb");
        Element form = Jsoup.parse(p.asString()).selectFirst("form.feedback");
        assertNotNull(form);
        Element token = form.selectFirst("input[name=csrf-token], input[type=hidden]");
        AlertServiceStub.FEEDBACK.clear();
        assertEquals(400, given().redirects().follow(false).cookie("earshot-console", rosa)
                .cookie("earshot-csrf", p.cookie("earshot-csrf")).formParam("mention", "c4000000000000000000000000000001")
                .formParam("brand", "fb").formParam("label", "negative").post("/mentions/feedback").statusCode(),
                "no CSRF token, nothing kept");
        String vera = login("vera");
        Response vp = given().cookie("earshot-console", vera).get("/mentions?brand=fb");
        assertEquals(403, given().redirects().follow(false).cookie("earshot-console", vera)
                .cookie("earshot-csrf", vp.cookie("earshot-csrf")).formParam("csrf-token", vp.cookie("earshot-csrf"))
                .formParam("mention", "c4000000000000000000000000000001").formParam("brand", "fb")
                .formParam("label", "negative").post("/mentions/feedback").statusCode(), "a viewer cannot correct");
        assertTrue(AlertServiceStub.FEEDBACK.isEmpty());

        Response done = given().redirects().follow(false).cookie("earshot-console", rosa)
                .cookie("earshot-csrf", p.cookie("earshot-csrf")).formParam(token.attr("name"), token.val())
                .formParam("mention", "c4000000000000000000000000000001").formParam("brand", "fb")
                .formParam("label", "negative").post("/mentions/feedback");
        assertEquals(303, done.statusCode());
        assertTrue(done.header("Location").endsWith("notice=feedback_sent"), done.header("Location"));
        assertEquals(1, AlertServiceStub.FEEDBACK.size());
        String sent = AlertServiceStub.FEEDBACK.get(0);
        assertTrue(sent.startsWith("POST /api/feedback Bearer " + AlertServiceStub.TOKEN + " {"), sent);
        var json = EventJson.mapper().readTree(sent.substring(sent.indexOf('{')));
        assertEquals("c4000000000000000000000000000001", json.get("mentionId").asText());
        assertEquals("negative", json.get("label").asText());
        assertEquals("positive", json.get("scoredLabel").asText());
        assertEquals("rosa", json.get("by").asText());
        assertEquals("A title. Great, another cold latte", json.get("text").asText(), "the text as it was scored");

        String csv = given().cookie("earshot-console", vera).get("/mentions/feedback.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains("\"c4000000000000000000000000000001\",\"fb\",\"negative\",\"positive\",\"rosa\",\"true\""),
                csv);
        assertTrue(page("vera", "/mentions/feedback").text().contains("c4000000000000000000000000000001"));
    }

    @Test
    void theBrandPageDrawsGapsAsNoDataAndShowsAspectsSourcesAndComplaintPhrases() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(mention("c5000000000000000000000000000001", "trend", "The cold coffee again, cold coffee", -0.8,
                        Label.NEGATIVE, false, List.of(), "en", now),
                mention("c5000000000000000000000000000002", "trend", "Such cold coffee and rude staff", -0.7,
                        Label.NEGATIVE, false, List.of(), "en", now.minus(Duration.ofHours(5))),
                mention("c5000000000000000000000000000003", "trend", "Nice place", 0.7, Label.POSITIVE, false, List.of(),
                        "en", now.minus(Duration.ofDays(9))));
        awaitMention("vera", "/mentions?brand=trend", "c5000000000000000000000000000003");
        Document doc = page("vera", "/brands/trend");
        List<Element> rows = doc.select("table.series tbody tr");
        assertEquals(48, rows.size());
        assertTrue(rows.stream().filter(r -> r.hasClass("nodata")).count() >= 45);
        assertTrue(rows.stream().filter(r -> r.hasClass("nodata")).allMatch(r -> r.text().contains("no data")));
        assertTrue(rows.stream().noneMatch(r -> r.select("td").get(1).text().equals("0")), "a gap is never zero");
        Element canvas = doc.selectFirst("canvas[data-chart]");
        var chart = EventJson.mapper().readTree(canvas.attr("data-chart"));
        assertTrue(chart.get("count").get(0).isNull(), "no data is null in the chart's figures, not 0");
        assertEquals(1, chart.get("count").get(47).asInt());
        assertTrue(doc.selectFirst(".moved").text().contains("staff"), doc.selectFirst(".moved").text());
        assertTrue(doc.select("#sources ~ table, section[aria-labelledby=sources] table").text().contains("review-site 2"));
        assertEquals("cold coffee", doc.selectFirst("ol.phrases li a").text());
        assertEquals(404, given().cookie("earshot-console", login("vera")).get("/brands/no-such-brand").statusCode());
        assertTrue(page("vera", "/brands").select("a[href=/brands/trend]").size() == 1);
    }
}
