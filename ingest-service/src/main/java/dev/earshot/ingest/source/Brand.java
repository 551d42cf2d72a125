package dev.earshot.ingest.source;

import dev.earshot.events.BrandRef;
import java.util.List;

/**
 * A brand Earshot watches: the terms that mean it (names, aliases) and terms that mean a mention
 * is about something else (e.g. a namesake company).
 */
public record Brand(String id, String name, List<String> terms, List<String> exclude) {

    public Brand {
        terms = terms == null ? List.of() : List.copyOf(terms);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    public BrandRef ref() {
        return new BrandRef(id, name == null ? id : name);
    }
}
