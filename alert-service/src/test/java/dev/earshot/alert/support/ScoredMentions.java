package dev.earshot.alert.support;

import dev.earshot.events.BrandRef;
import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.SourceRef;
import java.time.Instant;
import java.util.List;

/**
 * Scored mentions as sentiment-service writes them, for feeding alert-service in tests. They carry
 * no {@code publishedAt}, so the record's timestamp is their event time.
 */
public final class ScoredMentions {

    private ScoredMentions() {
    }

    public static ScoredMention of(String brandId, String brandName, String text, double score, Label label) {
        return of(brandId, brandName, text, score, label, label == Label.NEGATIVE ? new Rating(1, 5) : new Rating(5, 5),
                List.of());
    }

    public static ScoredMention of(String brandId, String brandName, String text, double score, Label label,
            Rating rating, List<String> aspects) {
        String url = "https://citybites.example/reviews/" + Integer.toUnsignedString(text.hashCode());
        Mention mention = new Mention(Mention.SCHEMA_VERSION, MentionIds.id("citybites-feed", null, url, text),
                MentionIds.contentHash(null, text), new BrandRef(brandId, brandName),
                new SourceRef("citybites-feed", "feed", "https://citybites.example/feed.xml"), url, null, text,
                "Dana K.", rating, null, Instant.now(),
                List.of(brandName.toLowerCase()));
        boolean negative = label == Label.NEGATIVE;
        return new ScoredMention(ScoredMention.SCHEMA_VERSION, mention, score, label, negative,
                negative ? Intent.COMPLAINT : label == Label.POSITIVE ? Intent.PRAISE : Intent.OTHER, aspects,
                List.of(new Contribution(negative ? "rude" : "lovely", "lexicon", negative ? -0.5 : 0.5)), "en", false,
                Instant.now());
    }
}
