package dev.earshot.alert.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.earshot.alert.catalog.BrandCatalog;
import dev.earshot.alert.support.Catalogs;
import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.alert.support.TestConfig;
import dev.earshot.events.Alert;
import dev.earshot.events.BrandRef;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.Mention;
import dev.earshot.events.ScoredMention;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a real HTTP server standing in for Slack. */
class SlackWebhookTest {

    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aMentionUrlCannotSpoofTheLinkText() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        BrandCatalog catalog = Catalogs.of(List.of(new BrandCatalog.Brand("acme", "Acme", List.of(), null, null,
                url, null)), List.of(), List.of());
        SlackWebhook slack = new SlackWebhook(catalog, TestConfig.with(Map.of()));
        ScoredMention m = ScoredMentions.of("acme", "Acme", "Awful, rude, never again", -0.9, Label.NEGATIVE);
        Mention spoof = new Mention(m.mention().schemaVersion(), m.mention().id(), m.mention().contentHash(),
                m.mention().brand(), m.mention().source(),
                "https://evil.example/x|Official Acme refund form> <!channel> a&b", null, m.mention().text(),
                m.mention().author(), m.mention().rating(), null, m.mention().fetchedAt(), m.mention().matchedTerms());
        ScoredMention scored = new ScoredMention(m.schemaVersion(), spoof, m.score(), m.label(), m.complaint(),
                m.intent(), m.aspects(), m.explanation(), m.language(), m.ratingConflict(), m.scoredAt());
        Alert alert = new Alert(1, "instant-acme-1", 1, new BrandRef("acme", "Acme"), Alert.Kind.INSTANT,
                Alert.Severity.HIGH, Alert.State.OPEN, new Alert.Reason("r", "A mention scored -0.90.", Map.of()),
                List.of(scored), Instant.now(), Instant.now());
        Notification n = Notification.about(alert, Notification.Purpose.OPENED);
        slack.deliver(n, n.id() + "#slack");
        String text = EventJson.mapper().readTree(bodies.get(0)).get("text").asText();
        String link = text.substring(text.lastIndexOf("\n<") + 1);
        assertEquals("<https://evil.example/x%7COfficial%20Acme%20refund%20form%3E%20%3C!channel%3E%20a&amp;b"
                + "|Open the mention>", link, "one link, our text; the URL's | and > cannot end it");
        assertEquals(1, link.chars().filter(c -> c == '|').count());
        assertFalse(text.contains("<!channel>"));
    }

    @Test
    void postsEscapedTextAndFailsLoudlyOnAnErrorStatus() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        BrandCatalog catalog = Catalogs.of(List.of(new BrandCatalog.Brand("acme", "Acme", List.of(), null, null,
                url, null)), List.of(), List.of());
        SlackWebhook slack = new SlackWebhook(catalog, TestConfig.with(Map.of()));
        Alert alert = new Alert(1, "instant-acme-1", 1, new BrandRef("acme", "Acme"), Alert.Kind.INSTANT,
                Alert.Severity.HIGH, Alert.State.OPEN, new Alert.Reason("r", "A mention scored -0.90.", Map.of()),
                List.of(ScoredMentions.of("acme", "Acme", "<script>x</script> & awful", -0.9, Label.NEGATIVE)),
                Instant.now(), Instant.now());
        Notification n = Notification.about(alert, Notification.Purpose.OPENED);
        assertTrue(slack.appliesTo(n));
        slack.deliver(n, n.id() + "#slack");
        JsonNode body = EventJson.mapper().readTree(bodies.get(0));
        String text = body.get("text").asText();
        assertTrue(text.startsWith("[Earshot] HIGH · Acme: a strongly negative mention"), text);
        assertTrue(text.contains("&lt;script&gt;x&lt;/script&gt; &amp; awful"), text);
        assertFalse(text.contains("<script>"));

        status = 500;
        assertThrows(IOException.class, () -> slack.deliver(n, n.id() + "#slack"));
        BrandCatalog none = Catalogs.of(List.of(), List.of(), List.of());
        assertFalse(new SlackWebhook(none, TestConfig.with(Map.of())).appliesTo(n));
        assertEquals(2, bodies.size());
    }
}
