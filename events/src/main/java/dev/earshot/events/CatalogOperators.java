package dev.earshot.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Who runs the installation, told when a source stops working ({@code catalog-operators.schema.json}). Topic
 * {@value Topics#CATALOG}, key {@value CatalogRecord#OPERATORS_KEY}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogOperators(int schemaVersion, List<String> emails, String fileHash) {

    public static final int SCHEMA_VERSION = 1;

    public CatalogOperators {
        schemaVersion = SCHEMA_VERSION;
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    public CatalogOperators withFileHash(String hash) {
        return new CatalogOperators(schemaVersion, emails, hash);
    }
}
