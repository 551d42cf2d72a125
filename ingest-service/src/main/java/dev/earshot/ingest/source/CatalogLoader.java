package dev.earshot.ingest.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the operator's catalog file and refuses one that would silently do the wrong thing
 * (a source pointing at an unknown brand, duplicate ids, a brand without terms).
 */
public final class CatalogLoader {

    // Other services read their own parts of the same file (e.g. recipients), so unknown keys are fine.
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
        validate(catalog, file);
        return catalog;
    }

    static void validate(Catalog catalog, Path file) {
        Set<String> brandIds = new HashSet<>();
        for (Brand b : catalog.brands()) {
            require(b.id() != null && !b.id().isBlank(), file, "a brand has no id");
            require(brandIds.add(b.id()), file, "brand id '" + b.id() + "' is used twice");
            require(!b.terms().isEmpty(), file, "brand '" + b.id() + "' has no terms to match");
        }
        Set<String> sourceIds = new HashSet<>();
        for (Source s : catalog.sources()) {
            require(s.id() != null && !s.id().isBlank(), file, "a source has no id");
            require(sourceIds.add(s.id()), file, "source id '" + s.id() + "' is used twice");
            require(s.kind() != null, file, "source '" + s.id() + "' has no kind (feed or page)");
            require(s.url() != null && !s.url().isBlank(), file, "source '" + s.id() + "' has no url");
            require(s.brand() == null || brandIds.contains(s.brand()), file,
                    "source '" + s.id() + "' is dedicated to unknown brand '" + s.brand() + "'");
        }
    }

    private static void require(boolean ok, Path file, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("catalog " + file + ": " + problem);
        }
    }
}
