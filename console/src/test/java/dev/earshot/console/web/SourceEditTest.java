package dev.earshot.console.web;

import static dev.earshot.console.web.ConsolePagesTest.login;
import static dev.earshot.console.web.ConsolePagesTest.page;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.console.support.AlertServiceStub;
import dev.earshot.console.support.IngestServiceStub;
import dev.earshot.console.support.PostgresResource;
import dev.earshot.console.support.TestUsers;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.EventJson;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sources page: an admin adds or changes a source through ingest-service's preview and sources API. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TestUsers.class)
@WithTestResource(IngestServiceStub.class)
class SourceEditTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @BeforeEach
    void clear() {
        IngestServiceStub.REQUESTS.clear();
    }

    @Test
    void onlyAnAdminMayAddOrChangeSourcesAndEveryPostCarriesTheCsrfToken() {
        assertNull(page("vera", "/sources").selectFirst("a[href=/sources/new]"), "a viewer sees no add link");
        assertNull(page("rosa", "/sources").selectFirst("a[href=/sources/new]"));
        assertNotNull(page("adam", "/sources").selectFirst("a[href=/sources/new]"));
        String rosa = login("rosa");
        assertEquals(403, given().cookie("earshot-console", rosa).get("/sources/new").statusCode());
        Response rp = given().cookie("earshot-console", rosa).get("/sources");
        assertEquals(403, given().redirects().follow(false).cookie("earshot-console", rosa)
                .cookie("earshot-csrf", rp.cookie("earshot-csrf")).formParam("csrf-token", rp.cookie("earshot-csrf"))
                .formParam("id", "x").formParam("url", "https://reviews.example/x").post("/sources/save").statusCode());
        String adam = login("adam");
        Response ap = given().cookie("earshot-console", adam).get("/sources/new");
        assertEquals(400, given().redirects().follow(false).cookie("earshot-console", adam)
                .cookie("earshot-csrf", ap.cookie("earshot-csrf")).formParam("id", "x")
                .formParam("url", "https://reviews.example/x").post("/sources/preview").statusCode(), "no CSRF token");
        assertTrue(IngestServiceStub.REQUESTS.isEmpty(), IngestServiceStub.REQUESTS.toString());
    }

    @Test
    void aNewSourceIsPreviewedWithItsItemsAsTextThenSavedAsPreviewed() throws Exception {
        Session s = new Session("adam", "/sources/new");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "towntaste-quay");
        fields.put("kind", "page");
        fields.put("url", "https://reviews.example/x");
        fields.put("brand", "");
        fields.put("maxPages", "2");
        fields.put("selectors", "{\"review\": \"article.review\", \"text\": \".body\"}");
        fields.put("json", "");
        fields.put("existing", "false");
        Document preview = s.post("/sources/preview", fields);

        String sent = IngestServiceStub.REQUESTS.get(0);
        assertEquals("POST /api/sources/preview Bearer " + AlertServiceStub.TOKEN + " "
                + "{\"id\":\"towntaste-quay\",\"kind\":\"page\",\"url\":\"https://reviews.example/x\",\"maxPages\":2,"
                + "\"selectors\":{\"review\":\"article.review\",\"text\":\".body\"}}", sent);
        Element section = preview.selectFirst("section.preview");
        assertNotNull(section, preview.html());
        assertTrue(section.selectFirst("h2").text().contains("2 items, 1 about a brand"), section.selectFirst("h2").text());
        Element hostile = section.selectFirst("article.preview-item");
        assertEquals(IngestServiceStub.HOSTILE_TITLE, hostile.selectFirst("h3").text(), "the title as written");
        assertEquals(IngestServiceStub.HOSTILE_TEXT, hostile.selectFirst(".text").text());
        assertTrue(hostile.selectFirst(".meta").text().contains("about northwind (Northwind)"));
        assertTrue(hostile.selectFirst(".meta").text().contains("by <b onmouseover=alert(3)>Eve</b>"));
        assertTrue(preview.select("main script, main img, main b, a[href^=javascript]").isEmpty(), "nothing of it is markup");
        assertTrue(preview.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                .noneMatch(a -> a.getKey().startsWith("on")), "no event handler from the source");
        assertEquals("https://reviews.example/x/2", section.select("article.preview-item").get(1).selectFirst("h3 a")
                .attr("href"));
        assertTrue(section.select("article.preview-item").get(1).text().contains("about no brand"));

        Element save = section.selectFirst("form.save");
        assertNotNull(save, "saving is offered once the preview is shown");
        Document saved = s.submit(save, 303);
        assertNull(saved);
        String put = IngestServiceStub.REQUESTS.get(1);
        assertEquals("POST /api/sources Bearer " + AlertServiceStub.TOKEN + " " + sent.substring(sent.indexOf('{')), put,
                "saved exactly what was previewed");
        assertTrue(s.lastLocation.endsWith("/sources?notice=source_saved"), s.lastLocation);
        assertTrue(page("adam", "/sources?notice=source_saved").selectFirst(".notice").text().contains("catalog topic"));
    }

    @Test
    void ingestsProblemsAreShownAndNothingCanBeSaved() throws Exception {
        Session s = new Session("adam", "/sources/new");
        Document page = s.post("/sources/preview", Map.of("id", "bad-one", "kind", "feed",
                "url", "https://broken.example/feed", "existing", "false"));
        assertEquals(List.of("url: <b>not</b> a public address"), page.select(".problems li").eachText());
        assertNull(page.selectFirst("form.save"));
        Document bad = s.post("/sources/preview", Map.of("id", "bad-two", "kind", "page", "url", "https://reviews.example/y",
                "selectors", "{not json", "existing", "false"));
        assertTrue(bad.selectFirst(".problems li").text().startsWith("selectors: a JSON object"));
        assertEquals(1, IngestServiceStub.REQUESTS.size(), "a form that is not JSON is not sent");
    }

    @Test
    void aStoredSourceOpensPrefilledAndIsChangedWithPut() throws Exception {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CATALOG, CatalogRecord.sourceKey("kept-page"),
                "{\"schemaVersion\":1,\"id\":\"kept-page\",\"kind\":\"page\",\"url\":\"https://reviews.example/kept\","
                        + "\"brand\":null,\"selectors\":{\"review\":\"article\",\"text\":\".body\"}}")).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                page("adam", "/sources").selectFirst("a[href=/sources/kept-page/edit]") != null);
        Session s = new Session("adam", "/sources/kept-page/edit");
        Element form = s.page.selectFirst("form.source-form");
        assertEquals("https://reviews.example/kept", form.selectFirst("input[name=url]").val());
        assertEquals(Map.of("review", "article", "text", ".body"), EventJson.mapper().readValue(
                form.selectFirst("textarea[name=selectors]").text(), Map.class));
        Document preview = s.submit(form, 200);
        s.submit(preview.selectFirst("form.save"), 303);
        String put = IngestServiceStub.REQUESTS.get(1);
        assertTrue(put.startsWith("PUT /api/sources/kept-page Bearer " + AlertServiceStub.TOKEN + " {\"id\":\"kept-page\""),
                put);
        assertEquals(404, given().cookie("earshot-console", login("adam")).get("/sources/nothing-here/edit").statusCode());
    }

    /** A logged-in browser's cookies and the last page, posting forms as the page has them. */
    static final class Session {
        final String cookie;
        final String csrf;
        Document page;
        String lastLocation;

        Session(String user, String path) {
            cookie = login(user);
            Response r = given().cookie("earshot-console", cookie).get(path);
            assertEquals(200, r.statusCode());
            csrf = r.cookie("earshot-csrf");
            page = Jsoup.parse(r.asString());
        }

        Document post(String path, Map<String, String> fields) {
            Element token = page.selectFirst("form.source-form input[name=csrf-token]");
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put(token.attr("name"), token.val());
            Response r = given().redirects().follow(false).cookie("earshot-console", cookie).cookie("earshot-csrf", csrf)
                    .formParams(all).post(path);
            assertEquals(200, r.statusCode(), r.asString());
            page = Jsoup.parse(r.asString());
            return page;
        }

        /** Posts the form with its own fields; answers the new page, or null for a redirect. */
        Document submit(Element form, int status) {
            Map<String, String> all = new LinkedHashMap<>();
            for (Element in : form.select("input[name], textarea[name], select[name]")) {
                if (in.is("input[type=checkbox]") && !in.hasAttr("checked")) {
                    continue;
                }
                all.put(in.attr("name"), in.is("select") ? in.select("option[selected]").val()
                        : in.is("textarea") ? in.wholeText() : in.val());
            }
            Response r = given().redirects().follow(false).cookie("earshot-console", cookie).cookie("earshot-csrf", csrf)
                    .formParams(all).post(form.attr("action"));
            assertEquals(status, r.statusCode(), r.asString());
            lastLocation = r.header("Location");
            if (status != 200) {
                return null;
            }
            page = Jsoup.parse(r.asString());
            return page;
        }
    }
}
