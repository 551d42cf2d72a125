package dev.earshot.ingest.mention;

import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.SourceRef;
import dev.earshot.ingest.extract.FoundItem;
import dev.earshot.ingest.extract.TextLimits;
import dev.earshot.ingest.match.BrandMatch;
import dev.earshot.ingest.match.BrandMatcher;
import dev.earshot.ingest.match.BrandRule;
import dev.earshot.ingest.source.Brand;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.Source;
import dev.earshot.ingest.source.UrlSecrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place a {@link Mention} is made, whether its item was polled from a source or pushed over the API: the
 * item is cut to the text limits, matched against the catalog's brands (or given to the one brand it names), and
 * gets the contract's id and content hash. Thread-safe; the compiled brand terms are kept per catalog.
 */
public final class MentionFactory {

    private volatile Matching matching = new Matching(Catalog.empty(), new BrandMatcher(List.of()));

    private record Matching(Catalog catalog, BrandMatcher matcher) {
    }

    /** Where a polled source's mentions say they come from; credentials in its URL are hidden. */
    public static SourceRef refOf(Source source) {
        return new SourceRef(source.id(), source.kind().name(), UrlSecrets.hide(source.url()));
    }

    /** Where a pushed mention says it comes from: the system that sent it. */
    public static SourceRef pushedBy(String sourceId) {
        return new SourceRef(sourceId, "push", null);
    }

    /** The mentions of a polled source's items: one per item and brand it is about. */
    public List<Mention> of(Source source, List<FoundItem> items, Catalog catalog, Instant fetchedAt) {
        return of(refOf(source), source.brand(), items, catalog, fetchedAt);
    }

    /**
     * One mention per item and brand it is about.
     *
     * @param dedicatedBrand when set, every item is about this brand (a dedicated source, or a pushed item that
     *                       names its brand); otherwise the brands the item's title and text mention
     */
    public List<Mention> of(SourceRef ref, String dedicatedBrand, List<FoundItem> items, Catalog catalog,
            Instant fetchedAt) {
        List<Mention> mentions = new ArrayList<>();
        for (FoundItem found : items) {
            FoundItem item = TextLimits.capped(found); // every mention fits in one Kafka record
            String text = item.text() == null ? "" : item.text();
            if (text.isBlank() && item.title() == null) {
                continue;
            }
            for (BrandMatch match : brandsOf(dedicatedBrand, item, catalog)) {
                Optional<Brand> brand = catalog.brand(match.brandId());
                if (brand.isEmpty()) {
                    continue;
                }
                mentions.add(new Mention(Mention.SCHEMA_VERSION,
                        MentionIds.id(ref.id(), item.guid(), item.link(), item.searchableText()),
                        MentionIds.contentHash(item.title(), text), brand.get().ref(), ref, item.link(), item.title(),
                        text, item.author(), item.rating(), item.publishedAt(), fetchedAt, match.matchedTerms()));
            }
        }
        return mentions;
    }

    /** The brands an item is about: the dedicated brand (with the terms of it the item holds), or those it mentions. */
    public List<BrandMatch> brandsOf(String dedicatedBrand, FoundItem item, Catalog catalog) {
        if (dedicatedBrand != null) {
            return catalog.brand(dedicatedBrand)
                    .map(b -> List.of(new BrandMatch(b.id(), BrandMatcher.termsIn(rule(b), item.searchableText()))))
                    .orElse(List.of());
        }
        return matcher(catalog).match(item.searchableText());
    }

    private BrandMatcher matcher(Catalog catalog) {
        Matching m = matching;
        if (m.catalog() != catalog) { // the catalog changed over the API: compile its brands once
            m = new Matching(catalog, new BrandMatcher(catalog.brands().stream().map(MentionFactory::rule).toList()));
            matching = m;
        }
        return m.matcher();
    }

    private static BrandRule rule(Brand b) {
        return new BrandRule(b.id(), b.terms(), b.exclude(), b.query());
    }
}
