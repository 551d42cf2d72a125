package dev.earshot.ingest.extract;

import dev.earshot.events.Rating;
import java.time.Instant;

/** One entry or review as read from a source, before brand matching; all text is plain text. */
public record FoundItem(String guid, String link, String title, String text, String author, Rating rating,
        Instant publishedAt) {

    /** Title and text together, which is what brand terms are matched against. */
    public String searchableText() {
        return (title == null ? "" : title + "\n") + (text == null ? "" : text);
    }
}
