package dev.earshot.console.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.console.support.HeadlessChromium;
import dev.earshot.console.support.AlertServiceStub;
import dev.earshot.console.support.IngestServiceStub;
import dev.earshot.console.support.Events;
import dev.earshot.console.support.PostgresResource;
import dev.earshot.console.support.TestUsers;
import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console in a real browser: Debian's chromium through its own chromedriver (`apt-get install chromium
 * chromium-driver`; Selenium never downloads one). Skipped, saying so, where they are not installed. Screenshots of
 * each page are kept in target/screenshots.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TestUsers.class)
@WithTestResource(AlertServiceStub.class)
@WithTestResource(IngestServiceStub.class)
class BrowserTest {


    @TestHTTPResource("/")
    URL base;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private ChromeDriver browser;

    @BeforeEach
    void openTheBrowser() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ScoredMention hostile = Events.scored("fe00000000000000000000000000000f", "<img src=x onerror=alert(1)>",
                "Rude <script>alert('x')</script> staff <a href=\"javascript:alert(2)\">here</a>", "<b>Mallory</b>",
                "javascript:alert(3)", -0.9, now);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.ALERTS, "inc-browser",
                EventJson.writeString(Events.alert("inc-browser", 1, Alert.State.OPEN, null, List.of(hostile),
                        now.plusSeconds(3600))))).awaitCompletion();
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void logInTriageByKeyboardAndReadTheHostileReviewAsText() throws Exception {
        browser.get(base + "incidents");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        screenshot("login");
        accessible("login");
        browser.findElement(By.name("j_username")).sendKeys("rosa");
        browser.findElement(By.name("j_password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector("tr[data-href='/incidents/inc-browser']")).isEmpty();
        });
        screenshot("incidents");
        accessible("incidents");

        AlertServiceStub.REQUESTS.clear();
        // j moves down the list (other tests' incidents may come first) until this one is selected; a acknowledges it.
        By row = By.cssSelector("tr[data-href='/incidents/inc-browser']");
        for (int i = 0; i < 20 && !"true".equals(browser.findElement(row).getAttribute("aria-selected")); i++) {
            browser.findElement(By.tagName("body")).sendKeys("j");
        }
        assertEquals("true", browser.findElement(row).getAttribute("aria-selected"));
        browser.findElement(By.tagName("body")).sendKeys("a");
        await().atMost(Duration.ofSeconds(10)).until(() -> !AlertServiceStub.REQUESTS.isEmpty());
        assertEquals("POST /api/incidents/inc-browser/acknowledge?by=rosa Bearer " + AlertServiceStub.TOKEN,
                AlertServiceStub.REQUESTS.get(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.cssSelector(".notice")).getText()
                .startsWith("Sent to alert-service"));

        browser.get(base + "incidents/inc-browser");
        screenshot("incident");
        accessible("incident");
        assertTrue(browser.findElement(By.cssSelector(".why")).getText().startsWith("12 negative mentions in 30 minutes"));
        String shown = browser.findElement(By.cssSelector("article.mention")).getText();
        assertTrue(shown.contains("<script>alert('x')</script>"), shown);
        assertTrue(shown.contains("<img src=x onerror=alert(1)>"), shown);
        assertTrue(browser.findElements(By.cssSelector("article.mention a")).isEmpty(), "no link from javascript:");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no script of the review ran");

        browser.get(base + "mentions?q=rude");
        screenshot("mentions");
        accessible("mentions");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertTrue(browser.findElement(By.cssSelector("main")).getText().contains("<b>Mallory</b>"));

        // The live stream: a new mention reaches the open page without a reload, as text.
        browser.get(base + "mentions?brand=northwind");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.cssSelector("[data-live-status]"))
                .getText().startsWith("Live"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ScoredMention pushed = Events.scored("fe0000000000000000000000000000aa", "<script>alert('live')</script>",
                "Cold <img src=x onerror=alert(5)> staff, live", "Live", "https://reviews.example/live", -0.8, now);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTIONS_SCORED, "northwind",
                EventJson.writeString(pushed))).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(
                By.cssSelector("article[id^='m-fe0000000000000000000000000000aa-']")).isEmpty());
        String live = browser.findElement(By.cssSelector("article[id^='m-fe0000000000000000000000000000aa-']")).getText();
        assertTrue(live.contains("<script>alert('live')</script>") && live.contains("<img src=x onerror=alert(5)>"), live);
        assertEquals("Cold", browser.findElement(By.cssSelector("article[id^='m-fe0000000000000000000000000000aa-'] .text mark"))
                .getText(), "the word that drove the score, highlighted");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "the pushed review ran nothing");
        String status = browser.findElement(By.cssSelector("[data-live-status]")).getText();
        assertTrue(status.contains("1 new mention"), status + "\n" + browser.findElement(By.cssSelector("main")).getText());
        screenshot("mentions-live");

        browser.get(base + "brands/northwind");
        await().atMost(Duration.ofSeconds(10)).until(() -> "true".equals(
                browser.findElement(By.id("brand-chart")).getAttribute("data-drawn")));
        screenshot("brand");
        accessible("brand");

        browser.get(base + "sources");
        screenshot("sources");
        accessible("sources");
    }

    @Test
    void anAdminPreviewsANewSourceAndItsHostileItemRunsNothing() throws Exception {
        browser.get(base + "sources/new");
        browser.findElement(By.name("j_username")).sendKeys("adam");
        browser.findElement(By.name("j_password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/sources/new"));
        browser.findElement(By.name("id")).sendKeys("browser-page");
        browser.findElement(By.cssSelector("select[name=kind] option[value=page]")).click();
        browser.findElement(By.name("url")).sendKeys("https://reviews.example/x");
        browser.findElement(By.name("selectors")).sendKeys("{\"review\": \"article\", \"text\": \".body\"}");
        screenshot("source-new");
        accessible("source-new");
        browser.findElement(By.cssSelector("form.source-form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("section.preview")).isEmpty());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "the previewed item ran nothing");
        String item = browser.findElement(By.cssSelector("article.preview-item .text")).getText();
        assertEquals(IngestServiceStub.HOSTILE_TEXT, item);
        screenshot("source-preview");
        accessible("source-preview");
    }

    /** axe-core (npm's, bundled in Deque's artifact) run in the page: no serious or critical violation. */
    @SuppressWarnings("unchecked")
    private void accessible(String name) throws Exception {
        String axe;
        try (var in = BrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        browser.executeScript(axe);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + " .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3).map(function (n) {"
                + " return n.target.join(' '); }).join(', '); })); }, function (e) { done(['axe failed: ' + e]); });");
        List<String> serious = (List<String>) result;
        assertTrue(serious.isEmpty(), name + ": " + String.join("; ", serious));
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
