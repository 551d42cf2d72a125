package dev.earshot.ingest.poll;

import dev.earshot.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fetches a source over HTTP with timeouts, a descriptive User-Agent and a cap on the body size. */
@ApplicationScoped
public class HttpFetcher {

    private final IngestConfig.Http config;
    private final HttpClient client;

    public HttpFetcher(IngestConfig config) {
        this.config = config.http();
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A fetched body, or the reason there is none. */
    public record Fetched(int status, String contentType, byte[] body) {
    }

    public Fetched fetch(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.requestTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
                .GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes() + 1));
            if (body.length > config.maxBodyBytes()) {
                throw new IOException("response from " + url + " is larger than " + config.maxBodyBytes() + " bytes");
            }
            return new Fetched(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), body);
        }
    }
}
