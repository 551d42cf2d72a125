package dev.earshot.console.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for ingest-service's sources API in the console's tests, over real HTTP: records each request
 * ("POST /api/sources/preview Bearer ... {json}") and answers as ingest-service does. Its preview answers with a
 * hostile item (script, event handler, javascript: link) and a plain one; a source whose URL contains "broken" gets
 * ingest's 422 with its problems. The real endpoints are tested in ingest-service's ApiTest.
 */
public class IngestServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    public static final String HOSTILE_TITLE = "<script>alert('title')</script>Awful";
    public static final String HOSTILE_TEXT = "Cold <img src=x onerror=alert(1)> coffee <script>alert(2)</script>";
    static final String PREVIEW = """
            {"sourceUrl":"https://reviews.example/x","method":"selectors","pagesRead":1,"itemCount":2,"matchingItems":1,
             "items":[
              {"title":"<script>alert('title')</script>Awful","text":"Cold <img src=x onerror=alert(1)> coffee <script>alert(2)</script>",
               "author":"<b onmouseover=alert(3)>Eve</b>","rating":{"value":1,"best":5},"publishedAt":"2026-12-01T10:00:00Z",
               "url":"javascript:alert(4)","brands":[{"id":"northwind","matchedTerms":["Northwind"]}]},
              {"title":"Fine","text":"Nothing to say","author":null,"rating":null,"publishedAt":null,
               "url":"https://reviews.example/x/2","brands":[]}],
             "errors":[]}""";
    static final String PROBLEMS = "{\"error\":\"invalid\",\"problems\":[\"url: <b>not</b> a public address\"]}";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/sources", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            if (body.contains("broken")) {
                answer(exchange, 422, PROBLEMS);
            } else if (exchange.getRequestURI().getPath().equals("/api/sources/preview")) {
                answer(exchange, 200, PREVIEW);
            } else {
                answer(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, body);
            }
        });
        server.start();
        return Map.of("earshot.console.ingest-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "earshot.console.alert-token", AlertServiceStub.TOKEN);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, b.length);
        exchange.getResponseBody().write(b);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
