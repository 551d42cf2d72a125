package dev.earshot.ingest.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the operator's catalog file and refuses one that would silently do the wrong thing
 * (a source pointing at an unknown brand, duplicate ids, a brand without terms).
 */
public final class CatalogLoader {

    // Other services read their own parts of the same file, so unknown keys are fine.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private CatalogLoader() {
    }

    public static Catalog load(Path file) {
        Catalog catalog;
        try {
            catalog = YAML.readValue(file.toFile(), Catalog.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read catalog " + file + ": " + e.getMessage(), e);
        }
        if (catalog == null) {
            return Catalog.empty();
        }
        List<String> problems = CatalogValidator.problems(catalog);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("catalog " + file + ": " + String.join("; ", problems));
        }
        return catalog;
    }
}
