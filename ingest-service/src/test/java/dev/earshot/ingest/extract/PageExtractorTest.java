package dev.earshot.ingest.extract;

import static dev.earshot.ingest.extract.FeedParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Rating;
import dev.earshot.ingest.source.Selectors;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saved review pages read with selectors and, without any, from their schema.org markup. */
class PageExtractorTest {

    static final Selectors TOWNTASTE = new Selectors("article.review", ".review-title", ".review-body", ".reviewer-name",
            ".stars@data-rating", 5.0, "time", "a.permalink", "a.next");

    private final PageExtractor extractor = new PageExtractor();

    @Test
    void selectorsReadEachReviewBlock() throws Exception {
        ExtractedPage page = extractor.extract(fixture("/pages/reviews-page-1.html"), "text/html; charset=utf-8",
                "https://towntaste.example/places/northwind-quay/reviews", TOWNTASTE);
        assertEquals("selectors", page.method());
        assertEquals(2, page.items().size(), "the ad between reviews is not a review");
        FoundItem cold = page.items().get(0);
        assertEquals("Cold latte, rude staff", cold.title());
        assertEquals("Waited 40 minutes for a cold latte. The barista rolled her eyes when I asked for a new one. Never again.",
                cold.text());
        assertEquals("Dana K.", cold.author());
        assertEquals(new Rating(1, 5), cold.rating());
        assertEquals(Instant.parse("2026-11-22T08:14:00Z"), cold.publishedAt());
        assertEquals("https://towntaste.example/r/5521?ref=list", cold.link());
        assertEquals("html-id:rv-5521", cold.guid());
        assertEquals("https://towntaste.example/places/northwind-quay/reviews?page=2", page.nextPage());
    }

    @Test
    void ratingTextInItsOwnScale() {
        assertEquals(new Rating(2, 5), Ratings.parse("★★☆☆☆", null));
        assertEquals(new Rating(4.5, 10), Ratings.parse("4,5 / 10", 5.0));
        assertEquals(new Rating(3, 5), Ratings.parse("Rated 3 out of 5", null));
        assertNull(Ratings.parse("12", 5.0), "beyond the scale is not a rating");
    }

    @Test
    void jsonLdReviewsInsideAProductWithTheAggregateScale() throws Exception {
        ExtractedPage page = extractor.extract(fixture("/pages/jsonld-product.html"), "text/html",
                "https://shopmart.example/p/northwind-house-blend", null);
        assertEquals("json-ld", page.method());
        assertEquals(2, page.items().size());
        FoundItem stale = page.items().get(0);
        assertEquals("Stale beans, roasted months ago", stale.title());
        assertTrue(stale.text().startsWith("Roast date on the bag was August."), stale.text());
        assertEquals("Chris P.", stale.author());
        assertEquals(new Rating(2, 10), stale.rating(), "bestRating 10 comes from the product's AggregateRating");
        assertEquals(Instant.parse("2026-11-20T00:00:00Z"), stale.publishedAt());
        assertEquals("https://shopmart.example/p/northwind-house-blend/reviews/90817", stale.link());
        assertEquals("Marta", page.items().get(1).author());
        assertEquals(new Rating(8, 10), page.items().get(1).rating());
    }

    @Test
    void trustpilotsJsonLdGraphGivesEachReviewWithItsStars() throws Exception {
        ExtractedPage page = extractor.extract(fixture("/pages/trustpilot-reviews.html"), "text/html; charset=utf-8",
                "https://www.trustpilot.com/review/kestrelbikes.example?sort=recency", null);
        assertEquals("json-ld", page.method());
        assertEquals(2, page.items().size(), "the LocalBusiness's reference to a review is not a second copy of it");
        FoundItem warranty = page.items().get(0);
        assertEquals("Warranty claim ignored for six weeks", warranty.title(), "headline is the title");
        assertEquals("Cracked frame after 800 km. Kestrel Bikes asked for photos twice & then stopped answering.",
                warranty.text());
        assertEquals("Jonas W.", warranty.author());
        assertEquals(new Rating(1, 5), warranty.rating());
        assertEquals(Instant.parse("2026-11-28T14:03:51Z"), warranty.publishedAt());
        assertEquals("https://www.trustpilot.com/reviews/6750f1c2a9e3b00c1d2e3f41", warranty.link());
        assertEquals(new Rating(4, 5), page.items().get(1).rating());
    }

    @Test
    void microdataReviewsWhenThereIsNoJsonLd() throws Exception {
        ExtractedPage page = extractor.extract(fixture("/pages/microdata-reviews.html"), "text/html; charset=utf-8",
                "https://localfinds.example/northwind-riverside", null);
        assertEquals("microdata", page.method());
        assertEquals(2, page.items().size());
        FoundItem mould = page.items().get(0);
        assertEquals("Mouldy muffin", mould.title(), "the review's name, not the café's");
        assertEquals("Georgia W.", mould.author());
        assertEquals(new Rating(1, 5), mould.rating());
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), mould.publishedAt());
        assertEquals("https://localfinds.example/reviews/lf-3310", mould.link());
        assertTrue(mould.text().startsWith("Found mould on my blueberry muffin."));
        assertEquals(Instant.parse("2026-11-17T15:20:00Z"), page.items().get(1).publishedAt());
    }

    @Test
    void pageWithoutMarkupOrSelectorsYieldsNothingAndSaysSo() throws Exception {
        ExtractedPage page = extractor.extract(fixture("/pages/redesigned-page.html"), "text/html", "https://x.example/", null);
        assertEquals("none", page.method());
        assertTrue(page.items().isEmpty());
    }

    @Test
    void windows1252PageDeclaredUtf8() throws Exception {
        byte[] body = "<html><body><article class=review><p class=t>Crème brûlée was frozen</p></article></body></html>"
                .getBytes(Charset.forName("windows-1252"));
        ExtractedPage page = extractor.extract(body, "text/html; charset=utf-8", "https://x.example/",
                new Selectors("article.review", null, ".t", null, null, null, null, null, null));
        assertEquals(List.of("Crème brûlée was frozen"), page.items().stream().map(FoundItem::text).toList());
    }
}
