package dev.earshot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local run as {@code ./run-local.sh} starts it - the demo site with the bundled review stream, the inbox, the
 * broker, the three services, and the console on its embedded PostgreSQL - on free ports, with the demo's calm first
 * minute cut so the storm starts at once. A PR person reads the banner, logs in to the console with the demo user and
 * sees the storm's incident; after the run stops no PostgreSQL is left running on its data folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInLocalRunTest {

    static Path work;
    static LocalRun run;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheLocalRun() throws Exception {
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        work = Files.createTempDirectory(target, "local-run-");
        // As root, PostgreSQL runs as nobody, who must be able to enter the run's folder (as .local-run/ allows).
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<DemoReview> stormAtOnce = DemoReview.bundled().stream().map(r -> new DemoReview(r.number(),
                Math.max(0, r.offsetSeconds() - 60), r.author(), r.stars(), r.title(), r.text())).toList();
        LocalRun.Ports ports = new LocalRun.Ports(0, freePort(), freePort(), freePort(), freePort(), 0, 0, 0);
        run = LocalRun.start(Path.of("..").toAbsolutePath().normalize(), work, null, ports, stormAtOnce, null);
    }

    @AfterAll
    static void stopTheLocalRun() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void theDemoUserLogsInToTheConsoleAndSeesTheStormsIncident() throws Exception {
        String banner = run.banner();
        String password = run.stack().consoleUsers().password("demo");
        assertTrue(banner.contains("Console               " + run.consoleUrl()), banner);
        assertTrue(banner.contains("demo  / " + password + "   (responder"), banner);
        assertTrue(banner.contains("admin / " + run.stack().consoleUsers().password("admin")), banner);

        HttpResponse<String> health = get("/q/health/ready", null);
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"UP\""), health.body());

        HttpResponse<String> anonymous = get("/incidents", null);
        assertEquals(302, anonymous.statusCode(), "the inbox is behind the login");
        assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("/login"));
        assertEquals(null, login("demo", "not-" + password), "a wrong password gets no session");

        String session = login("demo", password);
        assertTrue(session != null, "no session cookie for the banner's password");
        // The storm's incident as alert-service, which owns it, tells it; then the same incident on the console.
        String incidentId = awaitNorthwindIncident(Duration.ofSeconds(150));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> inbox = get("/incidents", session);
        while (!inbox.body().contains("/incidents/" + incidentId) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            inbox = get("/incidents", session);
        }
        assertEquals(200, inbox.statusCode());
        String row = inbox.body().replaceAll("(?s).*(<tr[^>]*/incidents/" + Pattern.quote(incidentId) + ".*?</tr>).*", "$1");
        assertTrue(row.startsWith("<tr") && row.contains("Northwind Coffee"),
                "incident " + incidentId + " of Northwind Coffee is not a row of the console's inbox; logs in "
                        + work.resolve("logs") + "\n" + inbox.body());

        // The alert email links to that incident on the console, where staff work on it.
        String link = run.consoleUrl() + "/incidents/" + incidentId;
        String email = awaitEmailContaining("Northwind", Duration.ofSeconds(90));
        assertTrue(email.contains(link), "the alert email does not link to " + link + ":\n" + email);
    }

    /** The first .eml in the local inbox's folder that contains {@code text}, quoted-printable soft breaks removed. */
    private static String awaitEmailContaining(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(run.inbox().folder())) {
                for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                    String body = Files.readString(eml, StandardCharsets.ISO_8859_1).replace("=\r\n", "").replace("=\n", "");
                    if (body.contains(text)) {
                        return body;
                    }
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no email about " + text + " in " + run.inbox().folder() + " within " + timeout);
    }

    /** The id of the first incident of the demo brand that alert-service lists (reads need no token from here). */
    private static String awaitNorthwindIncident(Duration timeout) throws Exception {
        URI api = URI.create("http://127.0.0.1:" + run.stack().service("alert-service").port() + "/api/incidents?brand=northwind");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String body = HTTP.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"incidentId\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            if (body.contains("northwind") && m.find()) {
                return m.group(1);
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("alert-service raised no incident for the demo storm within " + timeout + "; logs in "
                + work.resolve("logs"));
    }

    @Test
    @Order(2)
    void stoppingTheRunLeavesNoPostgresRunning() {
        Path data = run.stack().postgres().dataDir();
        assertTrue(postgresOn(data), "PostgreSQL runs on " + data + " while the run does");
        run.close();
        run = null;
        assertFalse(postgresOn(data), "a PostgreSQL process outlived the run");
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "postmaster.pid left behind");
    }

    /** A process whose command line names the data folder: the postmaster ({@code postgres -D <data>}). */
    private static boolean postgresOn(Path data) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(c -> c.contains("postgres") && c.contains(data.toString())).orElse(false));
    }

    /** The session cookie ({@code earshot-console=...}) the form login sets, or null when it refuses. */
    private static String login(String user, String password) throws Exception {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(run.consoleUrl() + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.headers().firstValue("Location").orElse("").contains("error")) {
            return null;
        }
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("earshot-console="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(c -> c.length() > "earshot-console=".length()).findFirst().orElse(null);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(run.consoleUrl() + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
