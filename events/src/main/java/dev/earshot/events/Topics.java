package dev.earshot.events;

/** The Kafka topics that make up Earshot's public contract (see docs/events.md). */
public final class Topics {
    /** {@link Mention} values keyed by brand id; written by ingest-service. */
    public static final String MENTIONS = "mentions";
    /** {@link ScoredMention} values keyed by brand id; written by sentiment-service. */
    public static final String MENTIONS_SCORED = "mentions-scored";
    /** {@link Alert} values keyed by incident id; written by alert-service. */
    public static final String ALERTS = "alerts";
    /** {@link MonitorEvent} values keyed by source id: a source stopped working, or works again; written by ingest-service. */
    public static final String MONITORS = "monitors";
    /** Records of {@link #MENTIONS} that sentiment-service could not process, with the reason in headers. */
    public static final String MENTIONS_DLQ = "mentions-dlq";
    /** Records of {@link #MENTIONS_SCORED} that alert-service could not process, with the reason in headers. */
    public static final String MENTIONS_SCORED_DLQ = "mentions-scored-dlq";
    /** Corrections of scores that staff made (POST /api/feedback), keyed by mention id; written by sentiment-service. */
    public static final String SENTIMENT_FEEDBACK = "sentiment-feedback";

    /**
     * The catalog: brands, sources, recipients, per-brand alert settings ({@link CatalogRecord}), keyed
     * {@code brand:<id>}, {@code source:<id>} or {@code operators}; compacted, one partition; written only by
     * ingest-service (from the operator's file and its API), read by every service through {@link CatalogView}.
     */
    public static final String CATALOG = "catalog";
    /** Records of {@link #CATALOG} that a reader refused, with the reason in headers ({@link DeadLetterHeaders}). */
    public static final String CATALOG_DLQ = "catalog-dlq";
    /** Records of the public topics that the console could not store, as received, with the reason in headers. */
    public static final String CONSOLE_DLQ = "console-dlq";

    private Topics() {
    }
}
