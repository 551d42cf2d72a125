package dev.earshot.ingest.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.earshot.events.CatalogSource;
import dev.earshot.events.MalformedEventException;
import java.util.List;

/**
 * A place customers write: a feed, or a review page read with CSS selectors or schema.org markup.
 *
 * @param brand     when set, the source is dedicated to that brand and every item matches it
 * @param selectors for a page: where reviews are; null = find schema.org Review markup instead
 * @param maxPages  for a page: how many pages to read by following {@code selectors.next} (default 1)
 * @param render    for a page: read through headless Chromium (reviews that JavaScript inserts); null = false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String id, Kind kind, String url, String brand, Selectors selectors, Integer maxPages,
        CatalogSource.Json json, Boolean render) {

    public Source(String id, Kind kind, String url, String brand) {
        this(id, kind, url, brand, null, null, null, null);
    }

    /** A source read without a browser. */
    public Source(String id, Kind kind, String url, String brand, Selectors selectors, Integer maxPages,
            CatalogSource.Json json) {
        this(id, kind, url, brand, selectors, maxPages, json, null);
    }

    public Source(String id, Kind kind, String url, String brand, Selectors selectors, Integer maxPages) {
        this(id, kind, url, brand, selectors, maxPages, null, null);
    }

    /**
     * Ingest's view of the catalog's record.
     *
     * @throws MalformedEventException for a kind this version does not poll
     */
    public static Source of(CatalogSource s) {
        Kind kind = null;
        if (s.kind() != null) {
            try {
                kind = Kind.valueOf(s.kind());
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("kind", List.of("kind: '" + s.kind() + "' is not a kind this ingest-service polls"));
            }
        }
        CatalogSource.Selectors c = s.selectors();
        Selectors selectors = c == null ? null : new Selectors(c.review(), c.title(), c.text(), c.author(), c.rating(),
                c.ratingBest(), c.date(), c.link(), c.next());
        return new Source(s.id(), kind, s.url(), s.brand(), selectors, s.maxPages(), s.json(), s.render());
    }

    public enum Kind {
        feed, page, json
    }

    /** Pages to read in one poll, at least 1. */
    public int pages() {
        return maxPages == null || maxPages < 1 ? 1 : maxPages;
    }

    /** Read through the browser: asked for, and a page. */
    public boolean rendered() {
        return Boolean.TRUE.equals(render) && kind == Kind.page;
    }

    public Source withUrl(String newUrl) {
        return new Source(id, kind, newUrl, brand, selectors, maxPages, json, render);
    }
}
