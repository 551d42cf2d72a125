package dev.earshot.ingest.source;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the reviews are on a page, as CSS selectors (Jsoup syntax). {@code review} selects each
 * review's block; the others are looked up inside that block. A selector may end in {@code @attr}
 * to read an attribute instead of the text (e.g. {@code time@datetime}, {@code .stars@data-rating}).
 *
 * @param ratingBest the top of the rating scale when the page does not say it (default 5)
 * @param next       on the page itself, the link to the next page of reviews
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Selectors(String review, String title, String text, String author, String rating, Double ratingBest,
        String date, String link, String next) {
}
