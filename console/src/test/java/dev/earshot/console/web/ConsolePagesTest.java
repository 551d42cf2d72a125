package dev.earshot.console.web;

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
import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages as a user meets them: log in, the inbox, an incident, its actions, mentions, search and export. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TestUsers.class)
@WithTestResource(AlertServiceStub.class)
class ConsolePagesTest {

    static final String HOSTILE_ID = "ff00000000000000000000000000000f";
    static final String HOSTILE_TEXT = "Awful <script>alert('text')</script> <img src=x onerror=alert(1)>"
            + " <a href=\"javascript:alert(2)\">click</a> service";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private static boolean seeded;

    @BeforeEach
    void seedTheStorm() {
        if (seeded) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ScoredMention hostile = Events.scored(HOSTILE_ID, "<b onmouseover=alert(3)>Worst</b> visit",
                HOSTILE_TEXT, "<script>alert('author')</script>", "javascript:alert(4)", -0.9, now);
        ScoredMention plain = Events.scored("ab00000000000000000000000000000a", "Cold coffee",
                "Waited forty minutes for a lukewarm latte, the barista shrugged", "Dana K.",
                "https://reviews.example/reviews#review-17", -0.8, now);
        kafka.produceStrings().fromRecords(
                new ProducerRecord<>(Topics.ALERTS, "inc-storm", EventJson.writeString(Events.alert("inc-storm", 1,
                        Alert.State.OPEN, null, List.of(hostile, plain), now))),
                new ProducerRecord<>(Topics.ALERTS, "inc-old", EventJson.writeString(Events.alert("inc-old", 3,
                        Alert.State.RESOLVED, "rosa", List.of(plain), now.minusSeconds(86_400))))).awaitCompletion();
        String cookie = login("vera");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().cookie("earshot-console", cookie)
                .get("/incidents/inc-old").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().cookie("earshot-console", cookie)
                .get("/incidents/inc-storm").statusCode() == 200);
        seeded = true;
    }

    @Test
    void theRootIsTheInbox() {
        Response r = given().redirects().follow(false).get("/");
        assertEquals(302, r.statusCode());
        assertEquals("/incidents", r.header("Location"));
    }

    @Test
    void withoutLoggingInEveryPageSendsYouToTheLoginForm() {
        for (String page : List.of("/incidents", "/incidents/inc-storm", "/mentions", "/mentions/export.csv",
                "/mentions/stream", "/mentions/feedback", "/mentions/feedback.csv", "/brands", "/brands/northwind",
                "/sources")) {
            Response r = given().redirects().follow(false).get(page);
            assertEquals(302, r.statusCode(), page);
            assertTrue(r.header("Location").endsWith("/login"), page + " -> " + r.header("Location"));
        }
        assertEquals(302, given().redirects().follow(false).formParam("j_username", "rosa")
                .formParam("j_password", "wrong").post("/j_security_check").statusCode());
        assertTrue(given().redirects().follow(false).formParam("j_username", "rosa").formParam("j_password", "wrong")
                .post("/j_security_check").header("Location").contains("/login?error"));
    }

    @Test
    void theInboxListsOpenIncidentsFirstWithTheirFiguresAndCountsPerState() {
        Document inbox = page("vera", "/incidents");
        List<String> order = inbox.select("table.inbox tbody tr").eachAttr("data-href");
        assertTrue(order.indexOf("/incidents/inc-storm") < order.indexOf("/incidents/inc-old"), "open before resolved");
        List<Integer> stateRanks = inbox.select("table.inbox tbody tr").stream()
                .map(tr -> tr.hasClass("state-open") ? 0 : tr.hasClass("state-acknowledged") ? 1 : 2).toList();
        assertEquals(stateRanks.stream().sorted().toList(), stateRanks, "open first, then acknowledged, then resolved");
        Element storm = inbox.selectFirst("tr[data-href=/incidents/inc-storm]");
        assertTrue(storm.text().contains("high") && storm.text().contains("Northwind Coffee")
                && storm.text().contains("open") && storm.text().contains("12"), storm.text());
        // Each state's count is the length of the list filtered by that state (other tests add incidents too).
        for (String state : List.of("open", "acknowledged", "resolved")) {
            int listed = page("vera", "/incidents?state=" + state).select("table.inbox tbody tr").size();
            assertTrue(inbox.select(".counts").text().contains(state + ": " + listed), inbox.select(".counts").text());
        }

        Document filtered = page("vera", "/incidents?state=resolved");
        assertTrue(filtered.select("table.inbox tbody tr").eachAttr("data-href").contains("/incidents/inc-old"));
        assertTrue(filtered.select("table.inbox tbody tr").stream().allMatch(tr -> tr.hasClass("state-resolved")));
        assertEquals("resolved", filtered.selectFirst("select[name=state] option[selected]").val(),
                "the filter is in the URL and shown");
    }

    @Test
    void anIncidentSaysWhyItFiredInPlainWordsAndShowsItsMentionsAndTimeline() {
        Document inc = page("vera", "/incidents/inc-storm");
        assertEquals("12 negative mentions in 30 minutes, where about 1.50 were expected from the brand's usual"
                + " rate (8 times the usual).", inc.selectFirst(".why").text());
        assertTrue(inc.select(".figures").text().contains("expected from the baseline 1.50"));
        assertEquals(2, inc.select("article.mention").size());
        assertTrue(inc.select(".timeline").text().contains("revision 1: open"));
    }

    @Test
    void aHostileReviewIsShownAsTextNeverAsMarkupOrALink() {
        for (String path : List.of("/incidents/inc-storm", "/mentions", "/mentions?q=awful")) {
            String html = given().cookie("earshot-console", login("vera")).get(path).then().statusCode(200)
                    .extract().asString();
            Document doc = Jsoup.parse(html);
            Element main = doc.selectFirst("main");
            assertTrue(main.select("script, img, iframe, object").isEmpty(), path + ": no element from the review");
            assertTrue(doc.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                    .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")), path + ": no event handler");
            assertTrue(doc.select("a[href]").stream().noneMatch(a -> a.attr("href").strip().toLowerCase()
                    .startsWith("javascript:")), path + ": no javascript: link");
            assertTrue(main.text().contains("<script>alert('text')</script>"), path + ": the text, as text");
            assertTrue(main.text().contains("<b onmouseover=alert(3)>Worst</b> visit"), path + ": the title, as text");
            assertTrue(main.text().contains("<script>alert('author')</script>"), path + ": the author, as text");
            assertFalse(html.contains("<script>alert("), path + ": never raw in the HTML");
        }
        Document framed = page("vera", "/incidents/inc-storm");
        for (String src : framed.select("script[src]").eachAttr("src")) {
            assertEquals(200, given().get(src).statusCode(), src + ": the page's scripts are served (htmx from its WebJar)");
        }
        assertEquals(3, framed.select("script[src]").size(), "htmx, console.js, pages.js");
        Response r = given().cookie("earshot-console", login("vera")).get("/incidents/inc-storm");
        assertNotNull(r.header("Content-Security-Policy"), "scripts only from the console itself");
        assertTrue(r.header("Content-Security-Policy").contains("script-src 'self'"));
    }

    @Test
    void aResponderAcknowledgesThroughAlertServiceAndAViewerCannot() {
        Document asViewer = page("vera", "/incidents/inc-storm");
        assertTrue(asViewer.select("form[action$=/acknowledge]").isEmpty(), "a viewer sees no action");
        String viewer = login("vera");
        Response csrfPage = given().cookie("earshot-console", viewer).get("/incidents/inc-storm");
        assertEquals(403, given().redirects().follow(false).cookie("earshot-console", viewer)
                .cookie("earshot-csrf", csrfPage.cookie("earshot-csrf"))
                .formParam("csrf-token", csrfPage.cookie("earshot-csrf"))
                .post("/incidents/inc-storm/acknowledge").statusCode(), "a viewer cannot act");

        String responder = login("rosa");
        Response page = given().cookie("earshot-console", responder).get("/incidents/inc-storm");
        Document doc = Jsoup.parse(page.asString());
        Element form = doc.selectFirst("form[action=/incidents/inc-storm/acknowledge]");
        assertNotNull(form, "a responder sees Acknowledge");
        Element token = form.selectFirst("input[type=hidden]");
        AlertServiceStub.REQUESTS.clear();

        assertEquals(400, given().redirects().follow(false).cookie("earshot-console", responder)
                .cookie("earshot-csrf", page.cookie("earshot-csrf"))
                .post("/incidents/inc-storm/acknowledge").statusCode(), "no CSRF token, no action");
        assertTrue(AlertServiceStub.REQUESTS.isEmpty());

        Response done = given().redirects().follow(false).cookie("earshot-console", responder)
                .cookie("earshot-csrf", page.cookie("earshot-csrf"))
                .formParam(token.attr("name"), token.val())
                .post("/incidents/inc-storm/acknowledge");
        assertEquals(303, done.statusCode());
        assertTrue(done.header("Location").endsWith("/incidents/inc-storm?notice=accepted"), done.header("Location"));
        assertEquals(List.of("POST /api/incidents/inc-storm/acknowledge?by=rosa Bearer " + AlertServiceStub.TOKEN),
                AlertServiceStub.REQUESTS);
        assertTrue(page("rosa", "/incidents/inc-storm?notice=accepted").select(".notice").text()
                .startsWith("Sent to alert-service"));
    }

    @Test
    void mentionsAreSearchedInTheDatabaseAndExportedAsCsvWithoutFormulas() {
        Document hits = page("vera", "/mentions?q=lukewarm latte");
        assertEquals(1, hits.select("article.mention").size());
        assertTrue(hits.selectFirst("article.mention").text().contains("barista shrugged"));
        assertEquals("lukewarm latte", hits.selectFirst("input[name=q]").val(), "the search is in the URL and shown");
        assertEquals(0, page("vera", "/mentions?q=zeppelin").select("article.mention").size());
        Element link = hits.selectFirst("article.mention h3 a");
        assertEquals("https://reviews.example/reviews#review-17", link.attr("href"));

        String csv = given().cookie("earshot-console", login("vera")).get("/mentions/export.csv?q=awful")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertTrue(csv.startsWith("fetched_at,brand,source,label"), csv);
        assertEquals(2, csv.split("\r\n").length, "the header and the one match");
        assertTrue(csv.contains(",\"javascript:alert(4)\","), "the URL as text, quoted");
        String formula = CsvExport.cell("=HYPERLINK(\"http://evil.example\")");
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", formula);
    }

    @Test
    void sourcesShowTheFailingOneFirstAndNeverTheCredentialsInAFeedUrl() {
        kafka.produceStrings().fromRecords(
                new ProducerRecord<>(Topics.CATALOG, "source:cred-feed",
                        "{\"id\":\"cred-feed\",\"kind\":\"feed\",\"url\":\"https://user:s3cret@feeds.example/f.xml\"}"),
                new ProducerRecord<>(Topics.CATALOG, "source:aa-calm-feed",
                        "{\"id\":\"aa-calm-feed\",\"kind\":\"feed\",\"url\":\"https://calm.example/f.xml\"}"),
                new ProducerRecord<>(Topics.MONITORS, "cred-feed",
                        EventJson.writeString(Events.failing("cred-feed", Instant.now())))).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> page("vera", "/sources")
                .select("tr.health-failing td:first-child").eachText().contains("cred-feed")
                && page("vera", "/sources").text().contains("aa-calm-feed"));
        Document sources = page("vera", "/sources");
        List<String> ids = sources.select("table.sources tbody tr td:first-child").eachText();
        assertTrue(ids.indexOf("cred-feed") < ids.indexOf("aa-calm-feed"), "failing first: " + ids);
        Element row = sources.select("table.sources tbody tr").get(ids.indexOf("cred-feed"));
        assertTrue(row.text().contains("feeds.example") && row.text().contains("HTTP 503"), row.text());
        assertFalse(sources.html().contains("s3cret"), "no credentials on the page");
    }

    static Document page(String user, String path) {
        return Jsoup.parse(given().cookie("earshot-console", login(user)).get(path).then().statusCode(200)
                .extract().asString());
    }

    static String login(String user) {
        Response r = given().redirects().follow(false).formParams(Map.of("j_username", user,
                "j_password", TestUsers.PASSWORD)).post("/j_security_check");
        assertEquals(302, r.statusCode());
        assertTrue(r.header("Location").endsWith("/incidents"), r.header("Location"));
        return r.cookie("earshot-console");
    }
}
