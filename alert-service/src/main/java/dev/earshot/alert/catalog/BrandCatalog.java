package dev.earshot.alert.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.earshot.alert.detection.DetectionSettings;
import java.io.IOException;
import java.nio.file.Path;
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
import java.util.stream.Collectors;

/**
 * Who hears about what, and how sensitive the rules are, per brand: from the public {@code catalog} topic
 * ({@link CatalogTopic}, brands added over ingest-service's API included), and for a brand the topic does not
 * have, from the operator's YAML file, read once (kept while ingest-service does not yet write every file
 * brand to the topic). Everything here is optional, so a file written for the first version still works.
 *
 * <pre>
 * operators: ["ops@example.com"]              # "monitor broken" emails
 * brands:
 *   - id: northwind
 *     recipients: ["pr@northwind.example"]     # every MEDIUM and HIGH incident, and the LOW digest
 *     aspectRecipients:                        # also told when an incident is about that aspect
 *       delivery: ["logistics@northwind.example"]
 *     escalation: ["cmo@northwind.example"]    # a HIGH incident unacknowledged for too long
 *     slackWebhook: https://hooks.slack.com/services/...
 *     alerting: {instantThreshold: -0.6, spikeMinCount: 3, spikeWindowMinutes: 30, driftDrop: 0.25}
 * </pre>
 */
public final class BrandCatalog {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

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

    /** One brand as the operator's file describes it (fields alert-service does not use are ignored). */
    public record Brand(String id, String name, List<String> recipients, Map<String, List<String>> aspectRecipients,
            List<String> escalation, String slackWebhook, Alerting alerting) {
    }

    record File(List<Brand> brands, List<String> operators) {
    }

    private final Map<String, Brand> brands;
    /** The catalog topic's brands, which win over the file's; none in plain tests. */
    private final Function<String, Optional<Brand>> topicBrands;
    private final Supplier<Optional<List<String>>> topicOperators;
    private final List<String> defaultRecipients;
    private final List<String> operators;
    private final String defaultSlackWebhook;
    private final DetectionSettings defaults;

    public BrandCatalog(Collection<Brand> brands, List<String> defaultRecipients, List<String> operators,
            String defaultSlackWebhook, DetectionSettings defaults) {
        this(brands, defaultRecipients, operators, defaultSlackWebhook, defaults, id -> Optional.empty(),
                Optional::empty);
    }

    /** With the brands and operators of the catalog topic, which win over those of the file. */
    public BrandCatalog(Collection<Brand> brands, List<String> defaultRecipients, List<String> operators,
            String defaultSlackWebhook, DetectionSettings defaults, Function<String, Optional<Brand>> topicBrands,
            Supplier<Optional<List<String>>> topicOperators) {
        this.topicBrands = topicBrands;
        this.topicOperators = topicOperators;
        this.brands = brands.stream().filter(b -> b.id() != null)
                .collect(Collectors.toUnmodifiableMap(Brand::id, Function.identity(), (a, b) -> b));
        this.defaultRecipients = List.copyOf(defaultRecipients);
        this.operators = List.copyOf(operators);
        this.defaultSlackWebhook = defaultSlackWebhook;
        this.defaults = defaults;
    }

    /** Reads the operator's file; {@code operators} there win over the configured ones. */
    public static BrandCatalog load(Path file, List<String> defaultRecipients, List<String> operators,
            String defaultSlackWebhook, DetectionSettings defaults) {
        return load(file, defaultRecipients, operators, defaultSlackWebhook, defaults, id -> Optional.empty(),
                Optional::empty);
    }

    /** The file's brands, with the catalog topic's winning over them. */
    public static BrandCatalog load(Path file, List<String> defaultRecipients, List<String> operators,
            String defaultSlackWebhook, DetectionSettings defaults, Function<String, Optional<Brand>> topicBrands,
            Supplier<Optional<List<String>>> topicOperators) {
        File parsed;
        try {
            parsed = YAML.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read brands from " + file + ": " + e.getMessage(), e);
        }
        List<Brand> brands = parsed == null || parsed.brands() == null ? List.of() : parsed.brands();
        List<String> ops = parsed != null && parsed.operators() != null && !parsed.operators().isEmpty()
                ? parsed.operators() : operators;
        return new BrandCatalog(brands, defaultRecipients, ops, defaultSlackWebhook, defaults, topicBrands,
                topicOperators);
    }

    private Brand brand(String id) {
        return topicBrands.apply(id).orElseGet(() -> brands.get(id));
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
