package dev.earshot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brand added over ingest-service's API, and only there, gets its alert emails: the packaged services as separate
 * JVMs on the embedded broker, a real SMTP server, and a feed with a furious review of a brand the operator's file
 * does not name. The API writes the brand, with its recipients, to the catalog topic that alert-service reads.
 */
class ApiBrandEndToEndTest {

    @TempDir
    static Path work;

    static HttpServer reviewSite;
    static LocalInbox inbox;
    static EarshotStack stack;
    static final String TOKEN = UUID.randomUUID().toString();

    @BeforeAll
    static void startEverything() throws Exception {
        reviewSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        reviewSite.createContext("/feed.rss", exchange -> {
            byte[] body;
            try (InputStream in = ApiBrandEndToEndTest.class.getResourceAsStream("/furious-feed.rss")) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        reviewSite.start();
        inbox = LocalInbox.start(freePort(), freePort(), work.resolve("inbox"));
        Path catalog = work.resolve("earshot.yaml");
        // The file names the feed and a brand the feed never mentions; Acme Mobile comes only over the API.
        Files.writeString(catalog, """
                brands:
                  - id: initech
                    name: Initech
                    terms: ["Initech"]
                    recipients: ["pr@initech.example"]
                sources:
                  - id: reviewly
                    kind: feed
                    url: http://127.0.0.1:%d/feed.rss
                """.formatted(reviewSite.getAddress().getPort()));
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        stack = EarshotStack.start(repoRoot, work, 0, new int[] {freePort(), freePort(), freePort()}, Map.of(
                "EARSHOT_CONFIG", catalog.toString(),
                "EARSHOT_API_TOKEN", TOKEN,
                "EARSHOT_POLL_INTERVAL", "2s",
                "EARSHOT_INGEST_INITIAL_DELAY", "1s",
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(inbox.smtpPort())), null);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (inbox != null) {
            inbox.close();
        }
        if (reviewSite != null) {
            reviewSite.stop(0);
        }
    }

    @Test
    void aBrandAddedOverTheApiGetsItsFuriousMentionsEmail() throws Exception {
        Thread.sleep(4000); // a poll or two first: the feed is read while nobody watches Acme Mobile
        assertEquals(List.of(), inbox.messages(), "nothing to tell before the brand exists");

        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stack.service("ingest-service").port() + "/api/brands"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "acme-mobile", "name": "Acme Mobile", "terms": ["Acme Mobile"],
                         "recipients": ["pr@acme.example"], "escalation": ["cmo@acme.example"]}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        MimeMessage mail = awaitOneEmail(Duration.ofSeconds(90));
        assertEquals("[Earshot] HIGH · Acme Mobile: a strongly negative mention", mail.getSubject());
        assertEquals("pr@acme.example", mail.getAllRecipients()[0].toString(), "the recipients given over the API");
        String text = LocalInbox.bodyPart(mail, "text/plain");
        assertTrue(text.contains("Acme Mobile cut off my phone line for no reason, charged me twice"), text);
    }

    private static MimeMessage awaitOneEmail(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inbox.messages().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(!inbox.messages().isEmpty(), "no email within " + timeout + "; service logs are in " + work);
        return inbox.messages().get(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
