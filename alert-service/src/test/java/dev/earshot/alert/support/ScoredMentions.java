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

/** Scored mentions as sentiment-service writes them, for feeding alert-service in tests. */
public final class ScoredMentions {

    private ScoredMentions() {
    }

    public static ScoredMention of(String brandId, String brandName, String text, double score, Label label) {
        String url = "https://citybites.example/reviews/" + Math.abs(text.hashCode());
        Mention mention = new Mention(Mention.SCHEMA_VERSION, MentionIds.id("citybites-feed", null, url, text),
                MentionIds.contentHash(null, text), new BrandRef(brandId, brandName),
                new SourceRef("citybites-feed", "feed", "https://citybites.example/feed.xml"), url, null, text,
                "Dana K.", new Rating(1, 5), Instant.parse("2026-11-22T08:14:00Z"), Instant.now(),
                List.of(brandName.toLowerCase()));
        return new ScoredMention(ScoredMention.SCHEMA_VERSION, mention, score, label, label == Label.NEGATIVE,
                label == Label.NEGATIVE ? Intent.COMPLAINT : Intent.OTHER, List.of(),
                List.of(new Contribution("rude", "lexicon", -0.5)), "en", false, Instant.now());
    }
}
