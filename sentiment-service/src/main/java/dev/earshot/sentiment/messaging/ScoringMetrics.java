package dev.earshot.sentiment.messaging;

import dev.earshot.events.Label;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The scoring loop's counters. Used from the loop's one thread only, so the per-brand cache is a
 * plain map looked up by brand id alone (no key built per mention).
 */
final class ScoringMetrics {

    private static final Label[] LABELS = Label.values();

    private final MeterRegistry registry;
    private final Map<String, Counter[]> scoredByBrand = new HashMap<>();
    private final Map<String, Counter> unscoredByKey = new HashMap<>();
    private final Counter deadLettered;
    private final Counter unwritable;
    private final Counter sendRetries;
    private final Counter commits;
    private final Counter commitFailures;

    ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.deadLettered = registry.counter("earshot.sentiment.mentions.dead.lettered");
        this.unwritable = registry.counter("earshot.sentiment.mentions.unwritable");
        this.sendRetries = registry.counter("earshot.sentiment.send.retries");
        this.commits = registry.counter("earshot.sentiment.commits");
        this.commitFailures = registry.counter("earshot.sentiment.commit.failures");
    }

    /** Per brand and label, for the dashboard's sentiment distribution and negative share. */
    void scored(String brand, Label label) {
        Counter[] byLabel = scoredByBrand.get(brand);
        if (byLabel == null) {
            byLabel = new Counter[LABELS.length];
            scoredByBrand.put(brand, byLabel);
        }
        Counter counter = byLabel[label.ordinal()];
        if (counter == null) {
            counter = registry.counter("earshot.sentiment.mentions.scored",
                    "brand", brand, "label", label.name().toLowerCase(Locale.ROOT));
            byLabel[label.ordinal()] = counter;
        }
        counter.increment();
    }

    /**
     * A mention left {@code unknown} because it is not in a language the scorer reads, per brand and
     * language (ISO 639-1, e.g. {@code de}): what the console shows as "not scored".
     */
    void unscored(String brand, String language) {
        Counter counter = unscoredByKey.get(brand + '\n' + language);
        if (counter == null) {
            counter = registry.counter("earshot.sentiment.mentions.unscored", "brand", brand, "language", language);
            unscoredByKey.put(brand + '\n' + language, counter);
        }
        counter.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    /** A mention whose dead letter could not be written either: it is skipped, and logged with its offset. */
    void unwritable() {
        unwritable.increment();
    }

    void sendRetries(int records) {
        sendRetries.increment(records);
    }

    void committed() {
        commits.increment();
    }

    void commitFailed() {
        commitFailures.increment();
    }
}
