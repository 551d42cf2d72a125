package dev.earshot.ingest.api;

import dev.earshot.events.Rating;
import dev.earshot.ingest.extract.FeedParseException;
import dev.earshot.ingest.extract.FoundItem;
import dev.earshot.ingest.fetch.FetchException;
import dev.earshot.ingest.match.BrandMatch;
import dev.earshot.ingest.mention.MentionFactory;
import dev.earshot.ingest.poll.SourceReader;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.CatalogStore;
import dev.earshot.ingest.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Reads a source definition the way a poll would, and reports every item with the brands it
 * matches: the tool a person uses to get selectors right. Nothing is published or remembered.
 */
@ApplicationScoped
public class SourcePreview {

    private final SourceReader reader;
    private final MentionFactory mentions;
    private final CatalogStore catalog;

    public SourcePreview(SourceReader reader, MentionFactory mentions, CatalogStore catalog) {
        this.reader = reader;
        this.mentions = mentions;
        this.catalog = catalog;
    }

    /** One brand an item is about, with the terms that showed it. */
    public record BrandHit(String id, List<String> matchedTerms) {
    }

    /** One item as a poll would read it. */
    public record Item(String title, String text, String author, Rating rating, Instant publishedAt, String url,
            List<BrandHit> brands) {
    }

    /**
     * @param method how items were found: feed, json, selectors, json-ld, microdata or none
     * @param errors   why the source could not be read, if it could not
     * @param rendered read through headless Chromium ({@code render: true})
     */
    public record Result(String sourceUrl, String method, int pagesRead, int itemCount, int matchingItems, List<Item> items,
            List<String> errors, boolean rendered) {
    }

    public Result run(Source source) {
        Catalog c = catalog.current();
        try {
            SourceReader.Read read = reader.read(source, null, null);
            List<Item> items = read.items().stream().map(i -> item(source, i, c)).toList();
            return new Result(source.url(), read.method(), read.pagesRead(), items.size(),
                    (int) items.stream().filter(i -> !i.brands().isEmpty()).count(), items,
                    read.items().isEmpty() ? List.of("the source answered but yielded no item"
                            + (source.kind() == Source.Kind.page && source.selectors() == null
                                    ? " (no schema.org Review markup found; give selectors)" : "")) : List.of(),
                    read.rendered());
        } catch (FetchException e) {
            return failed(source, e.kind().name() + ": " + e.getMessage());
        } catch (FeedParseException e) {
            return failed(source, "unreadable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, "interrupted");
        }
    }

    private Item item(Source source, FoundItem i, Catalog c) {
        List<BrandMatch> matches = mentions.brandsOf(source.brand(), i, c);
        return new Item(i.title(), i.text(), i.author(), i.rating(), i.publishedAt(), i.link(),
                matches.stream().map(m -> new BrandHit(m.brandId(), m.matchedTerms())).toList());
    }

    private static Result failed(Source source, String error) {
        return new Result(source.url(), null, 0, 0, 0, List.of(), List.of(error), source.rendered());
    }
}
