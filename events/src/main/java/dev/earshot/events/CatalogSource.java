package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source of the catalog ({@code catalog-source.schema.json}): where ingest-service looks for mentions. Topic
 * {@value Topics#CATALOG}, key {@code source:<id>} ({@link CatalogRecord#sourceKey}). {@code kind} is a string so a
 * new kind needs only its name in the schema and its code in ingest-service.
 *
 * @param brand    when set, the source is only about that brand
 * @param fileHash the file entry this record came from or edits (set by ingest-service), null when made over the API
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogSource(int schemaVersion, String id, String kind, String url, String brand, Selectors selectors,
        Integer maxPages, String fileHash) {

    public static final int SCHEMA_VERSION = 1;

    public CatalogSource {
        schemaVersion = SCHEMA_VERSION;
    }

    public CatalogSource(String id, String kind, String url, String brand) {
        this(SCHEMA_VERSION, id, kind, url, brand, null, null, null);
    }

    public CatalogSource withFileHash(String hash) {
        return new CatalogSource(schemaVersion, id, kind, url, brand, selectors, maxPages, hash);
    }

    /** Where the reviews are on a page, as CSS selectors (Jsoup syntax); {@code css@attr} reads an attribute. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Selectors(String review, String title, String text, String author, String rating, Double ratingBest,
            String date, String link, String next) {
    }
}
