package dev.earshot.ingest.extract;

import dev.earshot.events.MentionIds;

/**
 * The longest title, text and author a mention carries — the one place these limits live. The
 * push API refuses a longer item with the limit in the error; a polled item is cut to them (with
 * "…" at the end), so that a mention always fits in one Kafka record however big the feed item:
 * 100,000 characters are at most ~400 kB of JSON, under Kafka's default 1 MB.
 */
public final class TextLimits {

    /** Characters of a mention's text; also all of it that its id and content hash read. */
    public static final int TEXT = MentionIds.MAX_NORMALIZED_CHARS;
    /** Characters of a mention's title. */
    public static final int TITLE = 1_000;
    /** Characters of a mention's author. */
    public static final int AUTHOR = 200;

    private static final String CUT = "…";

    private TextLimits() {
    }

    /** The item with its title, text and author cut to the limits (the same item when they fit). */
    public static FoundItem capped(FoundItem item) {
        String title = cut(item.title(), TITLE);
        String text = cut(item.text(), TEXT);
        String author = cut(item.author(), AUTHOR);
        if (title == item.title() && text == item.text() && author == item.author()) {
            return item;
        }
        return new FoundItem(item.guid(), item.link(), title, text, author, item.rating(), item.publishedAt());
    }

    /** At most {@code max} characters, ending in "…" when cut; never splits a surrogate pair. */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return prefix(s, max - CUT.length()) + CUT;
    }

    /** The first {@code max} characters or fewer, never ending in half a surrogate pair. */
    public static String prefix(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
