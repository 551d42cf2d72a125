package dev.earshot.events;

/** Where a mention was found. {@code kind} is {@code feed}, {@code page} or {@code push}. */
public record SourceRef(String id, String kind, String url) {
}
