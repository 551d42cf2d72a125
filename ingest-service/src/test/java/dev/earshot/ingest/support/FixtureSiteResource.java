package dev.earshot.ingest.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A local website ({@link HostileSite}: the saved feeds and pages under {@code /files/...}) and a
 * catalog file that points ingest-service at it, with an API and a read token set.
 */
public class FixtureSiteResource implements QuarkusTestResourceLifecycleManager {

    /** The API token (changes and reads) the API tests use. */
    public static final String TOKEN = "test-api-token-0123456789";
    /** The read token (reads only) the API tests use. */
    public static final String READ_TOKEN = "test-read-token-0123456789";

    /** The running site, for tests that build URLs on it or count its requests. */
    public static HostileSite site;

    @Override
    public Map<String, String> start() {
        try {
            site = new HostileSite();
            Path catalog = Files.createTempFile("earshot-catalog-", ".yaml");
            Files.writeString(catalog, """
                    brands:
                      - id: northwind
                        name: Northwind Coffee
                        terms: ["Northwind Coffee", "Northwind"]
                        exclude: ["Northwind Traders"]
                        recipients: ["pr@northwind.example"]
                    sources:
                      - id: citybites-feed
                        kind: feed
                        url: %s
                    """.formatted(site.url("/files/feeds/coffee-reviews.rss")));
            return Map.of("earshot.ingest.catalog-file", catalog.toString(),
                    "earshot.access.api-token", TOKEN, "earshot.access.read-token", READ_TOKEN,
                    // Tests trigger polls themselves.
                    "earshot.ingest.initial-delay", "1h");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (site != null) {
            site.close();
        }
    }
}
