package dev.earshot.ingest.match;

import java.util.List;

/**
 * What decides whether a text is about one brand: its terms, its excluded terms and, when set, its boolean query
 * (which then replaces the terms). The catalog's brands are turned into these, so matching knows nothing of the
 * catalog.
 */
public record BrandRule(String brandId, List<String> terms, List<String> exclude, String query) {

    public BrandRule {
        terms = terms == null ? List.of() : List.copyOf(terms);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        query = query == null || query.isBlank() ? null : query.strip();
    }

    public BrandRule(String brandId, List<String> terms, List<String> exclude) {
        this(brandId, terms, exclude, null);
    }
}
