package dev.earshot.alert.catalog;

import dev.earshot.alert.detection.DetectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who hears about what, and how sensitive the rules are, per brand: from the public {@code catalog} topic
 * ({@link CatalogTopic}), which ingest-service writes from the operator's file and its API, so a brand added over
 * the API gets its emails like one in the file. alert-service reads no file: there is one catalog, checked by one
 * schema ({@code catalog-brand.schema.json} in events). A brand the catalog does not name goes to the default
 * recipients with the service's settings.
 */
public final class BrandCatalog {

    /** Per-brand overrides of the rule thresholds; unset fields keep the service-wide default. */
    public record Alerting(Double instantThreshold, Double crisisThreshold, Double highSeverityBelow,
            List<String> crisisTerms, Integer spikeWindowMinutes, Double spikeMaxPValue, Integer spikeMinCount,
            Double priorPerDay, Double shareJump, Double driftDrop, Integer driftMinMentions) {

        DetectionSettings.Overrides overrides() {
            return new DetectionSettings.Overrides(instantThreshold, crisisThreshold, highSeverityBelow, null,
                    crisisTerms, spikeWindowMinutes == null ? null : Duration.ofMinutes(spikeWindowMinutes),
                    spikeMaxPValue, spikeMinCount, null, priorPerDay, null, null, shareJump, null, null, driftDrop,
                    driftMinMentions);
        }
    }

    /** One brand as alert-service reads it from the catalog (the fields it uses). */
    public record Brand(String id, String name, List<String> recipients, Map<String, List<String>> aspectRecipients,
            List<String> escalation, String slackWebhook, Alerting alerting) {
    }

    /** The catalog topic's brands. */
    private final Function<String, Optional<Brand>> topicBrands;
    private final Supplier<Optional<List<String>>> topicOperators;
    private final List<String> defaultRecipients;
    private final List<String> operators;
    private final String defaultSlackWebhook;
    private final DetectionSettings defaults;

    /**
     * @param operators the configured operators, used while the catalog names none
     * @param topicBrands the catalog's brand of an id ({@link CatalogTopic#brand})
     * @param topicOperators the catalog's operators ({@link CatalogTopic#operators})
     */
    public BrandCatalog(List<String> defaultRecipients, List<String> operators, String defaultSlackWebhook,
            DetectionSettings defaults, Function<String, Optional<Brand>> topicBrands,
            Supplier<Optional<List<String>>> topicOperators) {
        this.topicBrands = topicBrands;
        this.topicOperators = topicOperators;
        this.defaultRecipients = List.copyOf(defaultRecipients);
        this.operators = List.copyOf(operators);
        this.defaultSlackWebhook = defaultSlackWebhook;
        this.defaults = defaults;
    }

    private Brand brand(String id) {
        return topicBrands.apply(id).orElse(null);
    }

    /** The brand's own recipients, else the default ones. */
    public List<String> recipients(String brandId) {
        Brand b = brand(brandId);
        return b != null && b.recipients() != null && !b.recipients().isEmpty() ? b.recipients() : defaultRecipients;
    }

    /** The brand's recipients plus whoever is named for the given aspects, without duplicates. */
    public List<String> recipients(String brandId, Collection<String> aspects) {
        Set<String> all = new LinkedHashSet<>(recipients(brandId));
        Brand b = brand(brandId);
        if (b != null && b.aspectRecipients() != null) {
            for (String aspect : aspects) {
                all.addAll(b.aspectRecipients().getOrDefault(aspect, List.of()));
            }
        }
        return new ArrayList<>(all);
    }

    public List<String> escalation(String brandId) {
        Brand b = brand(brandId);
        return b == null || b.escalation() == null ? List.of() : b.escalation();
    }

    public Optional<String> slackWebhook(String brandId) {
        Brand b = brand(brandId);
        String url = b != null && b.slackWebhook() != null ? b.slackWebhook() : defaultSlackWebhook;
        return Optional.ofNullable(url).filter(u -> !u.isBlank());
    }

    public List<String> operators() {
        return topicOperators.get().orElse(operators);
    }

    /** The rule thresholds for the brand: the service's settings with the brand's {@code alerting} applied. */
    public DetectionSettings settings(String brandId) {
        Brand b = brand(brandId);
        return b == null || b.alerting() == null ? defaults : defaults.with(b.alerting().overrides());
    }
}
