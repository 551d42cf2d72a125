package dev.earshot.ingest.poll;

import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.SourceRef;
import dev.earshot.ingest.extract.FeedParseException;
import dev.earshot.ingest.extract.FeedParser;
import dev.earshot.ingest.extract.FoundItem;
import dev.earshot.ingest.match.BrandMatch;
import dev.earshot.ingest.match.BrandMatcher;
import dev.earshot.ingest.publish.MentionPublisher;
import dev.earshot.ingest.source.Brand;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.Source;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One poll of one source: fetch, read, match brands, publish what is new. */
public class SourcePoller {

    private final HttpFetcher fetcher;
    private final FeedParser feedParser;
    private final MentionPublisher publisher;
    private final Catalog catalog;
    private final BrandMatcher matcher;
    private final Clock clock;

    public SourcePoller(HttpFetcher fetcher, FeedParser feedParser, MentionPublisher publisher, Catalog catalog,
            Clock clock) {
        this.fetcher = fetcher;
        this.feedParser = feedParser;
        this.publisher = publisher;
        this.catalog = catalog;
        this.matcher = new BrandMatcher(catalog.brands());
        this.clock = clock;
    }

    /** What one poll did, for logs and metrics. */
    public record PollOutcome(int items, int matched, int published) {
    }

    public PollOutcome poll(Source source) throws IOException, InterruptedException, FeedParseException {
        HttpFetcher.Fetched fetched = fetcher.fetch(source.url());
        if (fetched.status() != 200) {
            throw new IOException(source.url() + " answered HTTP " + fetched.status());
        }
        List<FoundItem> items = feedParser.parse(fetched.body(), fetched.contentType());
        List<Mention> mentions = toMentions(source, items, clock.instant());
        return new PollOutcome(items.size(), mentions.size(), publisher.publishNew(mentions));
    }

    List<Mention> toMentions(Source source, List<FoundItem> items, Instant fetchedAt) {
        SourceRef ref = new SourceRef(source.id(), source.kind().name(), source.url());
        List<Mention> mentions = new ArrayList<>();
        for (FoundItem item : items) {
            for (BrandMatch match : brandsOf(source, item)) {
                String text = item.text() == null ? "" : item.text();
                mentions.add(new Mention(Mention.SCHEMA_VERSION,
                        MentionIds.id(source.id(), item.guid(), item.link(), item.searchableText()),
                        MentionIds.contentHash(item.title(), text), match.brand().ref(), ref, item.link(),
                        item.title(), text, item.author(), item.rating(), item.publishedAt(), fetchedAt,
                        match.matchedTerms()));
            }
        }
        return mentions;
    }

    private List<BrandMatch> brandsOf(Source source, FoundItem item) {
        if (source.brand() != null) {
            Brand dedicated = catalog.brand(source.brand()).orElseThrow();
            return List.of(new BrandMatch(dedicated, BrandMatcher.termsIn(dedicated, item.searchableText())));
        }
        return matcher.match(item.searchableText());
    }
}
