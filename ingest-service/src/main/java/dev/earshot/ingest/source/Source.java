package dev.earshot.ingest.source;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A place customers write: a feed, or a review page read with CSS selectors or schema.org markup.
 *
 * @param brand     when set, the source is dedicated to that brand and every item matches it
 * @param selectors for a page: where reviews are; null = find schema.org Review markup instead
 * @param maxPages  for a page: how many pages to read by following {@code selectors.next} (default 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String id, Kind kind, String url, String brand, Selectors selectors, Integer maxPages) {

    public Source(String id, Kind kind, String url, String brand) {
        this(id, kind, url, brand, null, null);
    }

    public enum Kind {
        feed, page
    }

    /** Pages to read in one poll, at least 1. */
    public int pages() {
        return maxPages == null || maxPages < 1 ? 1 : maxPages;
    }

    public Source withUrl(String newUrl) {
        return new Source(id, kind, newUrl, brand, selectors, maxPages);
    }
}
