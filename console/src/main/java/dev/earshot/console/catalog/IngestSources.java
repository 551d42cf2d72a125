package dev.earshot.console.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.access.Secrets;
import dev.earshot.console.ConsoleConfig;
import dev.earshot.events.EventJson;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ingest-service's sources API, which owns the catalog: {@code POST /api/sources/preview} reads a source now and
 * stores nothing; {@code POST /api/sources} adds one, {@code PUT /api/sources/{id}} changes one (with the API token).
 * The console keeps no catalog state: a saved source reaches its store on the {@code catalog} topic.
 */
@ApplicationScoped
public class IngestSources {

    /**
     * What ingest-service answered: its JSON on success, else the problems to show (its 422 list, or why it could not
     * be asked).
     */
    public record Answer(JsonNode body, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final String url;
    private final Optional<String> token;
    // Reading a page with several result pages may take a while on ingest's side (its own timeouts are 15 s a page).
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public IngestSources(ConsoleConfig config) {
        this.url = config.ingestUrl().replaceAll("/+$", "") + "/api/sources";
        this.token = config.alertToken().filter(t -> !t.isBlank()).map(t -> Secrets.requireUsable("EARSHOT_API_TOKEN", t));
    }

    public Answer preview(ObjectNode source) {
        return send("POST", url + "/preview", source);
    }

    /** Adds the source ({@code existing} false) or changes the one with its id. */
    public Answer save(ObjectNode source, boolean existing) {
        String id = source.path("id").asText();
        return existing ? send("PUT", url + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), source)
                : send("POST", url, source);
    }

    private Answer send(String method, String to, ObjectNode body) {
        if (token.isEmpty()) {
            return new Answer(null, List.of("the console has no API token (EARSHOT_API_TOKEN): sources cannot be changed"));
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(to)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(EventJson.writeString(body))).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json(res.body());
            if (res.statusCode() / 100 == 2 && answer != null) {
                return new Answer(answer, List.of());
            }
            Log.warnf("ingest-service refused %s %s: HTTP %d", method, to, res.statusCode());
            return new Answer(null, problems(res.statusCode(), answer, res.body()));
        } catch (IOException e) {
            Log.warnf("ingest-service did not answer %s %s: %s", method, to, e.toString());
            return new Answer(null, List.of("ingest-service did not answer: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, List.of("interrupted"));
        }
    }

    /** ingest's errors are {@code {"error": ..., "problems": [...]}}; anything else is shown as its status. */
    private static List<String> problems(int status, JsonNode answer, String raw) {
        List<String> out = new ArrayList<>();
        if (answer != null) {
            answer.path("problems").forEach(p -> out.add(p.asText()));
            if (out.isEmpty() && answer.hasNonNull("error")) {
                out.add(answer.get("error").asText());
            }
        }
        if (out.isEmpty()) {
            out.add("ingest-service answered HTTP " + status + (raw.isBlank() ? "" : ": " + cut(raw)));
        }
        return out;
    }

    private static JsonNode json(String s) {
        try {
            return s.isBlank() ? null : EventJson.mapper().readTree(s);
        } catch (IOException e) {
            return null;
        }
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
