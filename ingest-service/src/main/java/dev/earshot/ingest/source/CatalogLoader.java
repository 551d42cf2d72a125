package dev.earshot.ingest.source;

import dev.earshot.events.CatalogFile;
import dev.earshot.events.MalformedEventException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the operator's catalog file by the contract's schema (an unknown key anywhere is refused with its path), its
 * preset entries expanded first ({@link FilePresets}), and refuses one that would silently do the wrong thing (a source
 * pointing at an unknown brand, duplicate ids, a brand without terms, a query that does not parse): ingest-service does
 * not start on a file it would misread.
 */
public final class CatalogLoader {

    private CatalogLoader() {
    }

    /** @throws IllegalArgumentException naming the file and each problem (with its path in the file) */
    public static CatalogFile load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read catalog " + file + ": " + e.getMessage(), e);
        }
        CatalogFile catalog;
        try {
            catalog = CatalogFile.read(FilePresets.expand(text));
        } catch (MalformedEventException | IllegalArgumentException e) {
            throw new IllegalArgumentException("catalog " + file + ": " + e.getMessage(), e);
        }
        List<String> problems = CatalogValidator.problems(view(catalog));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("catalog " + file + ": " + String.join("; ", problems));
        }
        return catalog;
    }

    /** The file as ingest's view of brands and sources. */
    static Catalog view(CatalogFile file) {
        List<Brand> brands = new ArrayList<>();
        file.brands().forEach(b -> brands.add(CatalogRecords.brand(b)));
        List<Source> sources = new ArrayList<>();
        file.sources().forEach(s -> sources.add(CatalogRecords.source(s)));
        return new Catalog(brands, sources);
    }
}
