package dev.earshot.console.feedback;

import dev.earshot.console.ConsoleConfig;
import dev.earshot.events.EventJson;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a correction to sentiment-service's {@code POST /api/feedback} (with the API token), which stores it on topic
 * {@code sentiment-feedback} for the scorer's next training run. Answers null when it was taken, else why not.
 */
@ApplicationScoped
public class FeedbackSender {

    private final String url;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FeedbackSender(ConsoleConfig config) {
        this.url = config.sentimentUrl().replaceAll("/+$", "") + "/api/feedback";
        this.token = config.alertToken().filter(t -> !t.isBlank());
    }

    /** The text as sentiment-service scored it: title, ". ", text (its MentionScorer). */
    public static String scoredText(String title, String text) {
        return title == null || title.isBlank() ? text : title + ". " + text;
    }

    public String send(String mentionId, String text, String label, String scoredLabel, String by) {
        if (token.isEmpty()) {
            return "the console has no API token (EARSHOT_API_TOKEN)";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mentionId", mentionId);
        body.put("text", text.length() > 20_000 ? text.substring(0, 20_000) : text);
        body.put("label", label);
        body.put("scoredLabel", scoredLabel);
        body.put("by", by.length() > 200 ? by.substring(0, 200) : by);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.writeString(body))).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 == 2) {
                return null;
            }
            String b = res.body().length() > 300 ? res.body().substring(0, 300) : res.body();
            Log.warnf("sentiment-service refused the correction of %s: HTTP %d %s", mentionId, res.statusCode(), b);
            return "HTTP " + res.statusCode() + " " + b;
        } catch (IOException e) {
            Log.warnf("sentiment-service did not answer the correction of %s: %s", mentionId, e.toString());
            return "no answer: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
