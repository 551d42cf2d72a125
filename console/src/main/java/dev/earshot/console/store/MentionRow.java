package dev.earshot.console.store;

import java.time.Instant;
import java.util.List;

/** A stored mention with its score. Text, title, author and URL are untrusted: the pages escape them. */
public record MentionRow(String mentionId, String brandId, String brandName, String sourceId, String sourceKind,
        String url, String title, String text, String author, Double ratingValue, Double ratingBest,
        Instant publishedAt, Instant fetchedAt, double score, String label, boolean complaint, List<String> aspects,
        String language, boolean ratingConflict, Double confidence, List<String> terms) {

    /** A piece of the text, marked when it is one of the words that drove the score. */
    public record Part(String text, boolean hit) {
    }

    /**
     * The text cut into plain and highlighted parts at the explanation's terms (whole words, any case). The pages print
     * each part escaped, inside or outside a {@code <mark>}: nothing of the mention is ever markup.
     */
    public List<Part> textParts() {
        return Highlight.split(text, terms);
    }

    /** The labels staff may correct this one to. */
    public List<String> otherLabels() {
        return java.util.stream.Stream.of("negative", "neutral", "positive").filter(l -> !l.equals(label)).toList();
    }

    /** The confidence as a percentage, or empty when the scorer gave none. */
    public String confidencePercent() {
        return confidence == null ? "" : Math.round(confidence * 100) + "%";
    }

    /** The link, only when it is http(s): a {@code javascript:} or {@code data:} URL is never made a link. */
    public String safeUrl() {
        return SafeUrl.httpOrNull(url);
    }

    /** The rating on a 1..5 scale (rounded half up), null when none. */
    public Integer stars() {
        if (ratingValue == null || ratingBest == null || ratingBest == 0) {
            return null;
        }
        return (int) Math.round(ratingValue / ratingBest * 5);
    }

    public String rating() {
        if (ratingValue == null || ratingBest == null) {
            return "";
        }
        return trim(ratingValue) + "/" + trim(ratingBest);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
