package dev.earshot.ingest.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.earshot.events.BrandRef;
import java.util.List;

/**
 * A brand Earshot watches: the terms that mean it (names, aliases, phrases), terms that mean a
 * mention is about something else (e.g. a namesake company), and optionally a boolean query
 * that replaces the terms when a plain name is too ambiguous.
 *
 * @param query      e.g. {@code "Northwind" AND (coffee OR latte) NOT "Northwind Traders"}; when set,
 *                   it decides whether a text is about the brand, and {@code terms} are only documentation
 * @param recipients read by alert-service from the same file; kept here so the API round-trips them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Brand(String id, String name, List<String> terms, List<String> exclude, String query,
        List<String> recipients) {

    public Brand {
        terms = terms == null ? List.of() : List.copyOf(terms);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        query = query == null || query.isBlank() ? null : query.strip();
    }

    public Brand(String id, String name, List<String> terms, List<String> exclude) {
        this(id, name, terms, exclude, null, null);
    }

    public BrandRef ref() {
        return new BrandRef(id, name == null ? id : name);
    }
}
