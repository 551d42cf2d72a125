package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A brand of the catalog ({@code catalog-brand.schema.json}): what means it, who hears about it and its own alert
 * thresholds. Topic {@value Topics#CATALOG}, key {@code brand:<id>} ({@link CatalogRecord#brandKey}).
 *
 * @param query    a boolean query that decides instead of {@code terms} when set
 * @param fileHash the file entry this record came from or edits (set by ingest-service), null when made over the API
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CatalogBrand(int schemaVersion, String id, String name, List<String> terms, List<String> exclude,
        String query, List<String> recipients, Map<String, List<String>> aspectRecipients, List<String> escalation,
        String slackWebhook, CatalogAlerting alerting, String fileHash) {

    public static final int SCHEMA_VERSION = 1;

    public CatalogBrand {
        schemaVersion = SCHEMA_VERSION;
        terms = terms == null ? List.of() : List.copyOf(terms);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        query = query == null || query.isBlank() ? null : query.strip();
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        aspectRecipients = aspectRecipients == null ? Map.of() : copy(aspectRecipients);
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
        slackWebhook = slackWebhook == null || slackWebhook.isBlank() ? null : slackWebhook.strip();
    }

    /** A brand with only what matching needs; the rest empty. */
    public CatalogBrand(String id, String name, List<String> terms, List<String> recipients) {
        this(SCHEMA_VERSION, id, name, terms, List.of(), null, recipients, Map.of(), List.of(), null, null, null);
    }

    /** What people read: the name, else the id. */
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    public CatalogBrand withFileHash(String hash) {
        return new CatalogBrand(schemaVersion, id, name, terms, exclude, query, recipients, aspectRecipients, escalation,
                slackWebhook, alerting, hash);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> byAspect) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byAspect.forEach((aspect, emails) -> out.put(aspect, emails == null ? List.of() : List.copyOf(emails)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
