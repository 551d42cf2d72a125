package dev.earshot.ingest.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.earshot.events.BrandRef;
import dev.earshot.events.CatalogAlerting;
import dev.earshot.events.CatalogBrand;
import java.util.List;
import java.util.Map;

/**
 * A brand Earshot watches: the terms that mean it (names, aliases, phrases), terms that mean a
 * mention is about something else (e.g. a namesake company), and optionally a boolean query
 * that replaces the terms when a plain name is too ambiguous. The rest (who hears about it, its
 * alert thresholds) is alert-service's, kept here so the API round-trips it: the catalog record
 * is {@link dev.earshot.events.CatalogBrand}.
 *
 * @param query e.g. {@code "Northwind" AND (coffee OR latte) NOT "Northwind Traders"}; when set,
 *              it decides whether a text is about the brand, and {@code terms} are only documentation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Brand(String id, String name, List<String> terms, List<String> exclude, String query,
        List<String> recipients, Map<String, List<String>> aspectRecipients, List<String> escalation,
        String slackWebhook, CatalogAlerting alerting) {

    public Brand {
        terms = terms == null ? List.of() : List.copyOf(terms);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        aspectRecipients = aspectRecipients == null ? Map.of() : Map.copyOf(aspectRecipients);
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
        query = query == null || query.isBlank() ? null : query.strip();
    }

    public Brand(String id, String name, List<String> terms, List<String> exclude, String query, List<String> recipients) {
        this(id, name, terms, exclude, query, recipients, null, null, null, null);
    }

    public Brand(String id, String name, List<String> terms, List<String> exclude) {
        this(id, name, terms, exclude, null, null);
    }

    /** Ingest's view of the catalog's record. */
    public static Brand of(CatalogBrand b) {
        return new Brand(b.id(), b.name(), b.terms(), b.exclude(), b.query(), b.recipients(), b.aspectRecipients(),
                b.escalation(), b.slackWebhook(), b.alerting());
    }

    public BrandRef ref() {
        return new BrandRef(id, name == null ? id : name);
    }
}
