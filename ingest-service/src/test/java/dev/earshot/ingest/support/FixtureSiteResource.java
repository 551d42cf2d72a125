package dev.earshot.ingest.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A local website serving the saved feeds under {@code src/test/resources/feeds} at
 * {@code /feeds/<file>}, and a catalog file that points ingest-service at them.
 */
public class FixtureSiteResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/feeds/", exchange -> {
                String name = exchange.getRequestURI().getPath().substring("/feeds/".length());
                try (InputStream in = getClass().getResourceAsStream("/feeds/" + name)) {
                    if (in == null || name.contains("..")) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        byte[] body = in.readAllBytes();
                        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                }
                exchange.close();
            });
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path catalog = Files.createTempFile("earshot-catalog-", ".yaml");
            Files.writeString(catalog, """
                    brands:
                      - id: northwind
                        name: Northwind Coffee
                        terms: ["Northwind Coffee", "Northwind"]
                        exclude: ["Northwind Traders"]
                    sources:
                      - id: citybites-feed
                        kind: feed
                        url: %s/feeds/coffee-reviews.rss
                    """.formatted(base));
            return Map.of("earshot.ingest.catalog-file", catalog.toString(),
                    // Tests trigger polls themselves.
                    "earshot.ingest.initial-delay", "1h");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
