package dev.earshot.load;

import dev.earshot.events.BrandRef;
import dev.earshot.events.Contribution;
import dev.earshot.events.EventJson;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic review-length mentions (150–300 characters, a mix of praise, neutral remarks and
 * complaints) as ingest-service writes them, reproducible from a seed.
 */
final class MentionGenerator {

    private static final List<String> OPENINGS = List.of(
            "Visited %s on Saturday morning.", "Ordered from %s through the app last week.",
            "Third time at %s this month.", "Popped into %s with my kids after school.",
            "Called %s support about my order yesterday.", "Went to %s for a quick lunch.");
    private static final List<String> PRAISE = List.of(
            "The staff were friendly and the coffee was excellent, really made my day.",
            "Quick service, lovely people, and everything was fresh. Highly recommend!",
            "Great value and the manager went out of her way to help us. Will be back.");
    private static final List<String> NEUTRAL = List.of(
            "It was fine, nothing special, about what you would expect for the price.",
            "Seating is limited and the menu is short, but the food came on time.",
            "They have changed the layout again; took a minute to find the counter.");
    private static final List<String> COMPLAINTS = List.of(
            "Waited 45 minutes, the order was wrong and nobody called back about the refund.",
            "Charged twice for one meal and still waiting for my money back. Terrible service.",
            "The milk was sour, I was sick all afternoon, and the staff were rude about it. Never again!",
            "Arrived broken, support hung up on me twice. Absolutely furious, this is a scam.");
    private static final List<String> CLOSINGS = List.of(
            "", " Parking was easy.", " The place was clean.", " Prices went up again though.");

    private final SplittableRandom random;
    private final int brands;
    private final boolean calmOnly;
    private final long seed;
    private long sequence;

    MentionGenerator(long seed, int brands) {
        this(seed, brands, false);
    }

    /** @param calmOnly praise and neutral remarks only, so the stream raises no alert of its own */
    MentionGenerator(long seed, int brands, boolean calmOnly) {
        this.random = new SplittableRandom(seed);
        this.brands = brands;
        this.calmOnly = calmOnly;
        this.seed = seed;
    }

    /** The next mention as JSON, with its key (the brand id). */
    KeyedPayload next() {
        return mention(sequence % brands, random.nextInt(calmOnly ? 7 : 10)); // 4 praise, 3 neutral, 3 complaints
    }

    /**
     * The next mention as sentiment-service would have scored it (for alert-service alone): praise 0.7,
     * neutral 0.0, complaints -0.6 (each one strong enough for an instant alert, the hard case).
     */
    KeyedPayload nextScored() {
        int kind = random.nextInt(calmOnly ? 7 : 10);
        KeyedPayload mention = mention(sequence % brands, kind);
        Mention m = EventJson.read(new String(mention.value(), java.nio.charset.StandardCharsets.UTF_8), Mention.class);
        boolean negative = kind >= 7;
        Label label = negative ? Label.NEGATIVE : kind < 4 ? Label.POSITIVE : Label.NEUTRAL;
        ScoredMention scored = new ScoredMention(ScoredMention.SCHEMA_VERSION, m, negative ? -0.6 : kind < 4 ? 0.7 : 0.0,
                label, negative, negative ? Intent.COMPLAINT : kind < 4 ? Intent.PRAISE : Intent.OTHER, List.of(),
                List.of(new Contribution(negative ? "rude" : "lovely", "lexicon", negative ? -0.5 : 0.5)), "en", false,
                Instant.now());
        return new KeyedPayload(mention.key(), EventJson.write(scored));
    }

    /** A complaint about {@code brand-<brand>}: one mention of a complaint storm. */
    KeyedPayload complaint(long brand) {
        return mention(brand, 7 + random.nextInt(3));
    }

    /** The id of a mention written as JSON. */
    static String idOf(byte[] json) {
        return EventJson.read(new String(json, java.nio.charset.StandardCharsets.UTF_8), Mention.class).id();
    }

    private KeyedPayload mention(long brand, int kind) {
        long n = sequence++;
        String brandId = "brand-" + brand;
        String brandName = "Brand " + brand + " Coffee";
        List<String> body = kind < 4 ? PRAISE : kind < 7 ? NEUTRAL : COMPLAINTS;
        String text = String.format(pick(OPENINGS), brandName) + " " + pick(body) + pick(CLOSINGS);
        int stars = kind < 4 ? 5 : kind < 7 ? 3 : 1;
        // The seed is part of the link, so two generators never make the same mention id.
        String url = "https://reviews.example/r/" + seed + "/" + n;
        Mention m = new Mention(Mention.SCHEMA_VERSION, MentionIds.id("load-source", null, url, text),
                MentionIds.contentHash(null, text), new BrandRef(brandId, brandName),
                new SourceRef("load-source", "feed", "https://reviews.example/feed.xml"), url, null, text, "Load Test",
                new Rating(stars, 5), Instant.now(), Instant.now(), List.of(brandName.toLowerCase()));
        return new KeyedPayload(brandId, EventJson.write(m));
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    record KeyedPayload(String key, byte[] value) {
    }
}
