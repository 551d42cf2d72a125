package dev.earshot.console.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for alert-service's incident API in the console's tests: records each POST (path, query and the
 * Authorization header) and answers 202 as alert-service does. The real alert-service is the browser test's job.
 */
public class AlertServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "console-test-api-token-0123456789";
    /** What arrived: "POST /api/incidents/x/acknowledge?by=alice Bearer ...". */
    public static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    /** The bodies of the POSTs that had one (a note's JSON), in order. */
    public static final List<String> BODIES = new CopyOnWriteArrayList<>();

    /** What arrived at the sentiment-service stand-in: "POST /api/feedback Bearer ... {json}". */
    public static final List<String> FEEDBACK = new CopyOnWriteArrayList<>();

    /** What the sentiment-service stand-in answers a correction with (a test sets 503 to refuse, then puts it back). */
    public static volatile int FEEDBACK_STATUS = 202;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/incidents/", exchange -> {
            REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] sent = exchange.getRequestBody().readAllBytes();
            if (sent.length > 0) {
                BODIES.add(new String(sent, java.nio.charset.StandardCharsets.UTF_8));
            }
            byte[] body = "{\"action\":\"ok\"}".getBytes();
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // sentiment-service's POST /api/feedback (its real endpoint is tested in sentiment-service's FeedbackResourceTest)
        server.createContext("/api/feedback", exchange -> {
            FEEDBACK.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            byte[] body = (FEEDBACK_STATUS == 202 ? "{\"topic\":\"sentiment-feedback\",\"partition\":0,\"offset\":0}"
                    : "{\"error\":\"kafka did not acknowledge\"}").getBytes();
            exchange.sendResponseHeaders(FEEDBACK_STATUS, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("earshot.console.alert-url", url, "earshot.console.sentiment-url", url,
                "earshot.console.alert-token", TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
