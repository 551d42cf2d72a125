package dev.earshot.console.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.console.support.HeadlessChromium;
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
 * Assign and note in real Chromium (Debian's, through its own chromedriver, as {@link BrowserTest}): the inbox's
 * {@code e} key, the owner control and the notes form reach alert-service's API (the stub here; the real path is
 * alert-service's StaffActionsTest), and a hostile note published on alerts renders as text.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TestUsers.class)
@WithTestResource(AlertServiceStub.class)
class StaffActionsBrowserTest {

    static final String HOSTILE_NOTE = "<img src=x onerror=alert(7)> <script>alert('n')</script> on it";

    @TestHTTPResource("/")
    URL base;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private ChromeDriver browser;
    private ScoredMention mention;
    private Instant now;

    @BeforeEach
    void openTheBrowser() {
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        mention = Events.scored("be00000000000000000000000000000b", "Cold", "Cold coffee, long wait", "Bo",
                "https://reviews.example/r/9", -0.9, now);
        // Raised "later" than the other tests' incidents, so it is first among the open high ones.
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.ALERTS, "inc-assign",
                EventJson.writeString(Events.alert("inc-assign", 1, Alert.State.OPEN, null, List.of(mention),
                        now.plusSeconds(7200))))).awaitCompletion();
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void assignByKeyAndByTheOwnerControlWriteANoteAndReadAHostileNoteAsText() throws Exception {
        browser.get(base + "incidents");
        browser.findElement(By.name("j_username")).sendKeys("rosa");
        browser.findElement(By.name("j_password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        By row = By.cssSelector("tr[data-href='/incidents/inc-assign']");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(row).isEmpty();
        });
        AlertServiceStub.REQUESTS.clear();
        for (int i = 0; i < 30 && !"true".equals(browser.findElement(row).getAttribute("aria-selected")); i++) {
            browser.findElement(By.tagName("body")).sendKeys("j");
        }
        assertEquals("true", browser.findElement(row).getAttribute("aria-selected"));
        browser.findElement(By.tagName("body")).sendKeys("e");
        await().atMost(Duration.ofSeconds(10)).until(() -> !AlertServiceStub.REQUESTS.isEmpty());
        assertEquals("POST /api/incidents/inc-assign/assign?to=rosa&by=rosa Bearer " + AlertServiceStub.TOKEN,
                AlertServiceStub.REQUESTS.get(0));

        browser.get(base + "incidents/inc-assign");
        browser.findElement(By.cssSelector("form.assign select[name=to] option[value=adam]")).click();
        browser.findElement(By.cssSelector("form.assign button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> AlertServiceStub.REQUESTS.size() >= 2);
        assertEquals("POST /api/incidents/inc-assign/assign?to=adam&by=rosa Bearer " + AlertServiceStub.TOKEN,
                AlertServiceStub.REQUESTS.get(1));

        browser.get(base + "incidents/inc-assign");
        browser.findElement(By.id("note-text")).sendKeys(HOSTILE_NOTE);
        browser.findElement(By.cssSelector("form.note-form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> AlertServiceStub.REQUESTS.size() >= 3);
        assertEquals("POST /api/incidents/inc-assign/note?by=rosa Bearer " + AlertServiceStub.TOKEN,
                AlertServiceStub.REQUESTS.get(2));
        assertTrue(AlertServiceStub.BODIES.get(AlertServiceStub.BODIES.size() - 1).contains("on it"));

        // What alert-service publishes once it applied them.
        Alert a = Events.alert("inc-assign", 4, Alert.State.OPEN, null, List.of(mention), now.plusSeconds(7200));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert applied = IncidentStaffPagesTest.with(a, "adam", List.of(new Alert.Note("rosa", at, HOSTILE_NOTE)),
                List.of(new Alert.StaffAction("assign", "rosa", at.minusSeconds(2), "rosa"),
                        new Alert.StaffAction("assign", "rosa", at.minusSeconds(1), "adam"),
                        new Alert.StaffAction("note", "rosa", at, null)));
        kafka.produceStrings().fromRecords(IncidentStaffPagesTest.record(applied)).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.get(base + "incidents/inc-assign");
            return !browser.findElements(By.cssSelector("li.note")).isEmpty();
        });
        screenshot("incident-assigned-noted");
        assertEquals("adam", browser.findElement(By.cssSelector(".state .owner")).getText());
        assertEquals(HOSTILE_NOTE, browser.findElement(By.cssSelector("li.note .note-text")).getText());
        assertTrue(browser.findElements(By.cssSelector("main img, main li.note script")).isEmpty());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no script of the note ran");
        String timeline = browser.findElement(By.cssSelector(".timeline")).getText();
        assertTrue(timeline.contains("rosa assigned it (adam)") && timeline.contains("rosa wrote a note"), timeline);
        String shownTime = browser.findElement(By.cssSelector("li.note time")).getText();
        assertTrue(!shownTime.equals(at.toString()) && !shownTime.isBlank(), "shown in the viewer's own zone: " + shownTime);
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
