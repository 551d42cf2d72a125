package dev.earshot.ingest.extract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the items of a JSON document are and what each field of an item is, as JSONPath (Jayway syntax): {@code items}
 * is read on the whole document and must give an array; the others are read on each item ({@code $} is the item).
 * Keys with odd characters use brackets, e.g. {@code $['im:rating'].label}; {@code $.comment_text | $.story_text} takes
 * the second path's value when the first finds none.
 *
 * @param ratingBest the top of the rating scale: a number ({@code "5"}) or a path on the item
 * @param next       a path on the whole document to the next page's URL (a cursor link)
 * @param pageParam  instead of {@code next}: the query parameter that numbers the pages (1, 2, 3 …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonMapping(String items, String text, String title, String author, String link, String date,
        String rating, String ratingBest, String id, String next, String pageParam) {
}
