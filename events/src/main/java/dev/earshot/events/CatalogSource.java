package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source of the catalog ({@code catalog-source.schema.json}): where ingest-service looks for mentions. Topic
 * {@value Topics#CATALOG}, key {@code source:<id>} ({@link CatalogRecord#sourceKey}). {@code kind} is a string so a
 * new kind needs only its name in the schema and its code in ingest-service.
 *
 * @param brand    when set, the source is only about that brand
 * @param fileHash the file entry this record came from or edits (set by ingest-service), null when made over the API
 * @param render   for a page: read it through a headless browser, so reviews that JavaScript inserts are there; null or
 *                 false = a plain fetch
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogSource(int schemaVersion, String id, String kind, String url, String brand, Selectors selectors,
        Integer maxPages, String fileHash, Json json, Boolean render) {

    public static final int SCHEMA_VERSION = 1;

    public CatalogSource {
        schemaVersion = SCHEMA_VERSION;
    }

    public CatalogSource(String id, String kind, String url, String brand) {
        this(SCHEMA_VERSION, id, kind, url, brand, null, null, null, null, null);
    }

    /** A source that is not rendered in a browser. */
    public CatalogSource(int schemaVersion, String id, String kind, String url, String brand, Selectors selectors,
            Integer maxPages, String fileHash, Json json) {
        this(schemaVersion, id, kind, url, brand, selectors, maxPages, fileHash, json, null);
    }

    /** A source of a kind without a JSON mapping. */
    public CatalogSource(int schemaVersion, String id, String kind, String url, String brand, Selectors selectors,
            Integer maxPages, String fileHash) {
        this(schemaVersion, id, kind, url, brand, selectors, maxPages, fileHash, null, null);
    }

    public CatalogSource withFileHash(String hash) {
        return new CatalogSource(schemaVersion, id, kind, url, brand, selectors, maxPages, hash, json, render);
    }

    /** Where the reviews are on a page, as CSS selectors (Jsoup syntax); {@code css@attr} reads an attribute. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Selectors(String review, String title, String text, String author, String rating, Double ratingBest,
            String date, String link, String next) {
    }

    /**
     * For a {@code json} source: JSONPath (Jayway) to the items of the document and, on each item, to its fields;
     * {@code a | b} takes b when a finds nothing.
     *
     * @param ratingBest the top of the rating scale: a number or a path on the item
     * @param next       a path on the document to the next page's URL
     * @param pageParam  instead of {@code next}: the query parameter that numbers the pages (1, 2, 3 ...)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Json(String items, String text, String title, String author, String link, String date, String rating,
            String ratingBest, String id, String next, String pageParam) {
    }
}
