package dev.earshot.console.store;

import java.time.Instant;
import java.util.List;

/** A stored mention with its score. Text, title, author and URL are untrusted: the pages escape them. */
public record MentionRow(String mentionId, String brandId, String brandName, String sourceId, String sourceKind,
        String url, String title, String text, String author, Double ratingValue, Double ratingBest,
        Instant publishedAt, Instant fetchedAt, double score, String label, boolean complaint, List<String> aspects,
        String language, boolean ratingConflict, Double confidence) {

    /** The link, only when it is http(s): a {@code javascript:} or {@code data:} URL is never made a link. */
    public String safeUrl() {
        return SafeUrl.httpOrNull(url);
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
