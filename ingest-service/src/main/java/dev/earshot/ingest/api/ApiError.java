package dev.earshot.ingest.api;

import java.util.List;

/** The body of every refused API request: one sentence, and each broken rule when there are several. */
public record ApiError(String error, List<String> problems) {

    public static ApiError of(String error) {
        return new ApiError(error, List.of());
    }

    public static ApiError of(String error, List<String> problems) {
        return new ApiError(error, problems);
    }
}
