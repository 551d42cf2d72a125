package dev.earshot.alert.incident;

import dev.earshot.events.Mention;
import dev.earshot.events.ScoredMention;

/**
 * Bounded copies of mentions for what an incident carries (its store entry, its {@code alerts} records,
 * its notifications): a few very long mentions would otherwise make a record larger than Kafka accepts.
 * Ids and content hashes are kept, so the full text can be found on {@code mentions-scored}.
 */
final class Excerpt {

    /** Characters of a title kept; texts are capped by {@code earshot.alert.incidents.excerpt-chars}. */
    static final int TITLE_CHARS = 300;
    /** A link longer than this is dropped rather than cut (a cut link leads nowhere). */
    static final int URL_CHARS = 2_000;

    private Excerpt() {
    }

    static ScoredMention of(ScoredMention s, int textChars) {
        Mention m = s.mention();
        String text = cap(m.text(), textChars);
        String title = cap(m.title(), TITLE_CHARS);
        String author = cap(m.author(), TITLE_CHARS);
        String url = m.url() != null && m.url().length() > URL_CHARS ? null : m.url();
        if (text == m.text() && title == m.title() && author == m.author() && url == m.url()) {
            return s;
        }
        Mention bounded = new Mention(m.schemaVersion(), m.id(), m.contentHash(), m.brand(), m.source(), url, title,
                text, author, m.rating(), m.publishedAt(), m.fetchedAt(), m.matchedTerms());
        return new ScoredMention(s.schemaVersion(), bounded, s.score(), s.label(), s.complaint(), s.intent(),
                s.aspects(), s.explanation(), s.language(), s.ratingConflict(), s.scoredAt());
    }

    /** The first {@code max} characters and an ellipsis, never splitting a surrogate pair; null stays null. */
    static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }
}
