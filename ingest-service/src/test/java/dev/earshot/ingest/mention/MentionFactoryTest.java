package dev.earshot.ingest.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.Rating;
import dev.earshot.ingest.extract.FoundItem;
import dev.earshot.ingest.extract.TextLimits;
import dev.earshot.ingest.source.Brand;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.Source;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionFactoryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");
    private final Brand northwind = new Brand("northwind", "Northwind Coffee", List.of("Northwind"), List.of("Northwind Traders"));
    private final Brand acme = new Brand("acme", "Acme Mobile", List.of("Acme"), List.of());
    private final Source feed = new Source("citybites-feed", Source.Kind.feed, "https://reader:s3cret@citybites.example/feed.xml", null);
    private final Catalog catalog = new Catalog(List.of(northwind, acme), List.of(feed));
    private final MentionFactory factory = new MentionFactory();

    private static FoundItem item(String title, String text) {
        return new FoundItem("guid-1", "https://citybites.example/r/1", title, text, "Dana", new Rating(1, 5),
                Instant.parse("2026-12-01T20:00:00Z"));
    }

    @Test
    void aPolledItemAboutTwoBrandsIsTwoMentionsWithTheContractsIdsAndHiddenCredentials() {
        List<Mention> mentions = factory.of(feed, List.of(item("Cold latte", "Northwind was slow; my Acme phone died")),
                catalog, NOW);
        assertEquals(List.of("northwind", "acme"), mentions.stream().map(m -> m.brand().id()).toList());
        Mention m = mentions.get(0);
        assertEquals(MentionIds.id("citybites-feed", "guid-1", "https://citybites.example/r/1",
                "Cold latte\nNorthwind was slow; my Acme phone died"), m.id());
        assertEquals(MentionIds.contentHash("Cold latte", "Northwind was slow; my Acme phone died"), m.contentHash());
        assertEquals("Northwind Coffee", m.brand().name());
        assertEquals("feed", m.source().kind());
        assertTrue(!m.source().url().contains("s3cret"), m.source().url());
        assertEquals(List.of("northwind"), m.matchedTerms());
        assertEquals(new Rating(1, 5), m.rating());
        assertEquals(NOW, m.fetchedAt());
        assertEquals("Dana", m.author());
    }

    @Test
    void anExcludedTermOrNoBrandMakesNoMention() {
        assertTrue(factory.of(feed, List.of(item(null, "Northwind Traders shipped late")), catalog, NOW).isEmpty());
        assertTrue(factory.of(feed, List.of(item(null, "Nothing about anyone")), catalog, NOW).isEmpty());
        assertTrue(factory.of(feed, List.of(item(null, "   ")), catalog, NOW).isEmpty(), "nothing to read");
    }

    @Test
    void aDedicatedSourceOrAPushedItemThatNamesItsBrandIsAboutThatBrandOnly() {
        Source dedicated = new Source("towntaste", Source.Kind.page, "https://towntaste.example/northwind", "northwind");
        List<Mention> polled = factory.of(dedicated, List.of(item(null, "Burnt beans, and Acme too")), catalog, NOW);
        assertEquals(List.of("northwind"), polled.stream().map(m -> m.brand().id()).toList());
        assertEquals(List.of(), polled.get(0).matchedTerms(), "the text does not name it, the source does");

        List<Mention> pushed = factory.of(MentionFactory.pushedBy("helpdesk"), "acme", List.of(item(null, "Dropped calls")),
                catalog, NOW);
        assertEquals("acme", pushed.get(0).brand().id());
        assertEquals("push", pushed.get(0).source().kind());
        assertNull(pushed.get(0).source().url());
        assertTrue(factory.of(MentionFactory.pushedBy("helpdesk"), "gone", List.of(item(null, "x")), catalog, NOW)
                .isEmpty(), "a brand no longer watched");
    }

    @Test
    void aHugeItemIsCutToTheLimitsAndAnEditChangesTheHashNotTheId() {
        String huge = "Northwind " + "bad ".repeat(60_000);
        Mention cut = factory.of(feed, List.of(item("t".repeat(5_000), huge)), catalog, NOW).get(0);
        assertEquals(TextLimits.TEXT, cut.text().length());
        assertTrue(cut.text().endsWith("…"));
        assertEquals(TextLimits.TITLE, cut.title().length());

        Mention before = factory.of(feed, List.of(item("Cold latte", "Northwind was slow")), catalog, NOW).get(0);
        Mention edited = factory.of(feed, List.of(item("Cold latte", "Northwind was slow, then rude")), catalog, NOW).get(0);
        assertEquals(before.id(), edited.id(), "the guid keeps the id");
        assertNotEquals(before.contentHash(), edited.contentHash());
    }

    @Test
    void aNewCatalogIsMatchedWithItsOwnBrands() {
        assertTrue(factory.of(feed, List.of(item(null, "Zephyr tea is stale")), catalog, NOW).isEmpty());
        Catalog more = new Catalog(List.of(northwind, new Brand("zephyr", "Zephyr Tea", List.of("Zephyr"), List.of())),
                List.of(feed));
        assertEquals("zephyr", factory.of(feed, List.of(item(null, "Zephyr tea is stale")), more, NOW).get(0).brand().id());
    }
}
