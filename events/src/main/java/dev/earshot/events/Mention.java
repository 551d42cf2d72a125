package dev.earshot.events;

import java.time.Instant;
import java.util.List;

/**
 * One piece of public text about a brand, as ingest-service found it. Value of topic
 * {@link Topics#MENTIONS}, keyed by {@code brand.id}.
 *
 * @param id           stable id derived from what the mention is ({@link MentionIds#id})
 * @param contentHash  changes when the text is edited; (id, contentHash) names one version
 * @param rating       null when the source gave none
 * @param publishedAt  null when the source gave no date
 */
public record Mention(
        int schemaVersion,
        String id,
        String contentHash,
        BrandRef brand,
        SourceRef source,
        String url,
        String title,
        String text,
        String author,
        Rating rating,
        Instant publishedAt,
        Instant fetchedAt,
        List<String> matchedTerms) {

    public static final int SCHEMA_VERSION = 1;
}
