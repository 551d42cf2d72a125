package dev.earshot.local;

import static dev.earshot.events.ContractAssert.ALERT;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaImageContainer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
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
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole product, as operators run it: the three packaged services as separate JVMs on a real
 * broker, a real SMTP server, and a review feed served over HTTP. The broker is the embedded one and,
 * where CI built a local Kafka image and named it ({@link KafkaImageContainer}), also a Testcontainers
 * Kafka container on that image: the same assertions on both.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("brokers")
class PipelineEndToEndTest {

    static final String EMBEDDED = "the embedded broker";

    /** {@link #EMBEDDED} or the name of the local Kafka image. */
    @Parameter
    String broker;

    /** This invocation's folder under target/ (the services' logs stay there for a failing run). */
    static Path work;

    static HttpServer reviewSite;
    static LocalInbox inbox;
    static KafkaImageContainer kafka;
    static EarshotStack stack;

    static Stream<String> brokers() {
        return Stream.concat(Stream.of(EMBEDDED), KafkaImageContainer.requestedImage().stream());
    }

    @BeforeParameterizedClassInvocation
    static void startEverything(String broker) throws Exception {
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        work = Files.createTempDirectory(target, broker.equals(EMBEDDED) ? "pipeline-embedded-" : "pipeline-container-");
        reviewSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        reviewSite.createContext("/feed.rss", exchange -> {
            byte[] body;
            try (InputStream in = PipelineEndToEndTest.class.getResourceAsStream("/furious-feed.rss")) {
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
        Files.writeString(catalog, """
                brands:
                  - id: acme-mobile
                    name: Acme Mobile
                    terms: ["Acme Mobile"]
                    recipients: ["pr@acme.example"]
                sources:
                  - id: reviewly
                    kind: feed
                    url: http://127.0.0.1:%d/feed.rss
                """.formatted(reviewSite.getAddress().getPort()));
        Path repoRoot = Path.of("..").toAbsolutePath().normalize();
        int[] ports = {freePort(), freePort(), freePort()};
        Map<String, String> env = Map.of(
                "EARSHOT_CONFIG", catalog.toString(),
                "EARSHOT_POLL_INTERVAL", "2s",
                "EARSHOT_INGEST_INITIAL_DELAY", "1s",
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(inbox.smtpPort()));
        if (broker.equals(EMBEDDED)) {
            stack = EarshotStack.start(repoRoot, work, 0, ports, env, null);
        } else {
            kafka = KafkaImageContainer.start(broker);
            stack = EarshotStack.startOn(kafka.bootstrapServers(), repoRoot, work, ports, env, null);
        }
    }

    @AfterParameterizedClassInvocation
    static void stopEverything() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (inbox != null) {
            inbox.close();
            inbox = null;
        }
        if (reviewSite != null) {
            reviewSite.stop(0);
            reviewSite = null;
        }
    }

    @Test
    void furiousReviewReachesTheBrandsInboxOnceEscapedAndTheAlertsTopic() throws Exception {
        MimeMessage mail = awaitOneEmail(Duration.ofSeconds(60));
        assertEquals("[Earshot] HIGH · Acme Mobile: a strongly negative mention", mail.getSubject());
        assertEquals("pr@acme.example", mail.getAllRecipients()[0].toString());
        assertEquals(1, mail.getAllRecipients().length);
        String html = LocalInbox.bodyPart(mail, "text/html");
        String text = LocalInbox.bodyPart(mail, "text/plain");
        assertTrue(text.contains("Acme Mobile cut off my phone line for no reason, charged me twice"), text);
        assertTrue(html.contains("support hung up on me three times"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the review's markup is shown as text");
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("href=\"https://reviewly.example/r/9001\""), html);

        try (TopicReader alerts = new TopicReader(stack.bootstrapServers(), Topics.ALERTS);
                TopicReader scored = new TopicReader(stack.bootstrapServers(), Topics.MENTIONS_SCORED)) {
            // Both reviews of the brand were scored; the other company's review was never ingested.
            List<ConsumerRecord<String, String>> scoredRecords = scored.await(2, Duration.ofSeconds(30));
            assertEquals(2, scoredRecords.size(), "the furious and the calm review of Acme Mobile");
            assertTrue(scoredRecords.stream().map(r -> EventJson.read(r.value(), ScoredMention.class))
                    .allMatch(s -> s.mention().brand().id().equals("acme-mobile")));

            List<ConsumerRecord<String, String>> alertRecords = alerts.await(1, Duration.ofSeconds(30));
            assertEquals(1, alertRecords.size());
            assertMatchesSchema(ALERT, alertRecords.get(0).value());
            Alert alert = EventJson.read(alertRecords.get(0).value(), Alert.class);
            assertEquals(alertRecords.get(0).key(), alert.incidentId());
            assertEquals("acme-mobile", alert.brand().id());
            assertEquals("https://reviewly.example/r/9001", alert.mentions().get(0).mention().url());

            // Several more polls of the same feed: nothing new is published, alerted or emailed.
            Thread.sleep(5000);
            assertEquals(1, alerts.await(2, Duration.ofSeconds(1)).size());
            assertEquals(2, scored.await(3, Duration.ofSeconds(1)).size());
            assertEquals(1, inbox.messages().size(), "exactly one email, nothing for the calm review or Globex");
            // messages() shows one per Message-ID, as a mail client would, so a resend of the same email
            // hides there; the server keeps one copy per recipient and per send.
            assertEquals(mail.getAllRecipients().length, inbox.rawMessages().size(), "the email was sent once");
        }
    }

    @Test
    void servicesListenOnLoopbackOnlyAndReadWithoutATokenFromThere() throws Exception {
        InetSocketAddress neighbour = LoopbackCheck.nonLoopbackAddress(0);
        for (ServiceProcess service : stack.services()) {
            // This machine's own network address is what a neighbour on the network would connect to.
            InetSocketAddress fromNetwork = new InetSocketAddress(neighbour.getAddress(), service.port());
            assertThrows(ConnectException.class, () -> LoopbackCheck.connect(fromNetwork),
                    service.name() + " answers on " + fromNetwork);
            LoopbackCheck.connect(new InetSocketAddress("127.0.0.1", service.port()));
        }
        // The local run reads without a token from this machine (earshot.access.loopback-reads).
        HttpResponse<String> incidents = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + stack.service("alert-service").port() + "/api/incidents")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, incidents.statusCode(), incidents.body());
    }

    private static MimeMessage awaitOneEmail(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inbox.messages().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertFalse(inbox.messages().isEmpty(), "no email within " + timeout + "; service logs are in " + work);
        return inbox.messages().get(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
