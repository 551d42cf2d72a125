package dev.earshot.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads corrections from a dump of the {@code sentiment-feedback} topic: one JSON value per line,
 * as sentiment-service's {@code POST /api/feedback} writes them, e.g.
 * {@code kafka-console-consumer.sh --topic sentiment-feedback --from-beginning > feedback.jsonl}.
 * The last correction of a mention (or of the same text) wins; a line that is not a valid correction
 * is skipped and counted.
 */
final class FeedbackFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackFile() {
    }

    static List<Row> read(Path file) {
        Map<String, Row> latest = new LinkedHashMap<>();
        int skipped = 0;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                String text = n.path("text").asText(null);
                String label = n.path("label").asText("");
                if (text == null || text.isBlank() || Evaluation.gold(label) < 0) {
                    skipped++;
                    continue;
                }
                String mention = n.path("mentionId").asText(null);
                String key = mention != null && !mention.isEmpty() ? mention : "text:" + text.strip().toLowerCase();
                Boolean complaint = n.hasNonNull("complaint") ? n.get("complaint").asBoolean() : null;
                latest.remove(key);
                latest.put(key, new Row("feedback-" + (latest.size() + 1), label, complaint, 0, text,
                        "feedback:" + key, "feedback.jsonl", ""));
            } catch (IOException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            System.err.println(file + ": skipped " + skipped + " line(s) that are not corrections");
        }
        return new ArrayList<>(latest.values());
    }
}
