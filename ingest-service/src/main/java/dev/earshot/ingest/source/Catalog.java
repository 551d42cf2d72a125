package dev.earshot.ingest.source;

import java.util.List;
import java.util.Optional;

/** The brands and sources of one Earshot installation. */
public record Catalog(List<Brand> brands, List<Source> sources) {

    public Catalog {
        brands = brands == null ? List.of() : List.copyOf(brands);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of());
    }

    public Optional<Brand> brand(String id) {
        return brands.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
