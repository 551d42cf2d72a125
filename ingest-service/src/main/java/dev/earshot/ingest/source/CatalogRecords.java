package dev.earshot.ingest.source;

import dev.earshot.events.CatalogBrand;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.CatalogSource;
import dev.earshot.events.MalformedEventException;
import java.util.List;

/**
 * Between the catalog records of the contract ({@link CatalogBrand}, {@link CatalogSource}) and ingest's own view of
 * them ({@link Brand}, {@link Source}), and ingest's rules on top of the schema's: a record that breaks them (a query
 * that does not parse, a regex selector) is refused like one the schema refuses.
 */
final class CatalogRecords {

    private CatalogRecords() {
    }

    static Brand brand(CatalogBrand b) {
        return Brand.of(b);
    }

    static CatalogBrand record(Brand b, String fileHash) {
        return new CatalogBrand(CatalogBrand.SCHEMA_VERSION, b.id(), b.name(), b.terms(), b.exclude(), b.query(),
                b.recipients(), b.aspectRecipients(), b.escalation(), b.slackWebhook(), b.alerting(), fileHash);
    }

    static Source source(CatalogSource s) {
        return Source.of(s);
    }

    static CatalogSource record(Source s, String fileHash) {
        Selectors c = s.selectors();
        CatalogSource.Selectors selectors = c == null ? null : new CatalogSource.Selectors(c.review(), c.title(), c.text(),
                c.author(), c.rating(), c.ratingBest(), c.date(), c.link(), c.next());
        return new CatalogSource(CatalogSource.SCHEMA_VERSION, s.id(), s.kind() == null ? null : s.kind().name(), s.url(),
                s.brand(), selectors, s.maxPages(), fileHash, s.json(), s.render());
    }

    /**
     * Ingest's rules for one record, on top of the schema's.
     *
     * @throws MalformedEventException saying each broken rule
     */
    static void check(CatalogRecord record) {
        List<String> problems = List.of();
        if (record instanceof CatalogRecord.BrandSet b) {
            problems = CatalogValidator.problems(brand(b.brand()));
        } else if (record instanceof CatalogRecord.SourceSet s) {
            problems = CatalogValidator.problems(source(s.source()));
        }
        if (!problems.isEmpty()) {
            throw new MalformedEventException(String.join("; ", problems));
        }
    }
}
