package dev.earshot.sentiment.api;

import dev.earshot.events.Rating;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One text to score, with the star rating its source gave, if any. */
public record ScoreRequest(String text, Rating rating) {

    /** Most texts in one request. */
    public static final int MAX_ITEMS = 1_000;
    /** Longest text accepted; a review longer than this is not a review. */
    public static final int MAX_TEXT_CHARS = 20_000;

    /**
     * Refuses the whole request with 400 and every problem, by index, so a caller can fix all of
     * them at once.
     */
    static void validate(List<ScoreRequest> items) {
        if (items == null || items.isEmpty()) {
            throw badRequest("send a JSON array of 1 to " + MAX_ITEMS + " items like {\"text\": \"...\"}", List.of());
        }
        if (items.size() > MAX_ITEMS) {
            throw badRequest("too many items: " + items.size() + ", at most " + MAX_ITEMS + " per request", List.of());
        }
        List<Map<String, Object>> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String problem = problem(items.get(i));
            if (problem != null) {
                problems.add(Map.of("index", i, "error", problem));
            }
        }
        if (!problems.isEmpty()) {
            throw badRequest(problems.size() + " item(s) cannot be scored", problems);
        }
    }

    private static String problem(ScoreRequest item) {
        if (item == null || item.text() == null) {
            return "text is missing";
        }
        if (item.text().length() > MAX_TEXT_CHARS) {
            return "text has " + item.text().length() + " characters, at most " + MAX_TEXT_CHARS;
        }
        if (item.rating() != null && (item.rating().best() <= 0 || item.rating().value() < 0
                || item.rating().value() > item.rating().best())) {
            return "rating must have 0 <= value <= best and best > 0";
        }
        return null;
    }

    private static BadRequestException badRequest(String error, List<Map<String, Object>> items) {
        return new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "items", items)).build());
    }
}
