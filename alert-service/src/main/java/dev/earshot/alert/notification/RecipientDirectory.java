package dev.earshot.alert.notification;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who receives a brand's alerts: the {@code recipients} of the brand in the operator's YAML file,
 * else the default recipients.
 */
public final class RecipientDirectory {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Map<String, List<String>> byBrand;
    private final List<String> defaults;

    public RecipientDirectory(Map<String, List<String>> byBrand, List<String> defaults) {
        this.byBrand = Map.copyOf(byBrand);
        this.defaults = List.copyOf(defaults);
    }

    record BrandEntry(String id, List<String> recipients) {
    }

    record File(List<BrandEntry> brands) {
    }

    public static RecipientDirectory load(Path file, List<String> defaults) {
        File parsed;
        try {
            parsed = YAML.readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read recipients from " + file + ": " + e.getMessage(), e);
        }
        Map<String, List<String>> byBrand = parsed == null || parsed.brands() == null ? Map.of()
                : parsed.brands().stream().filter(b -> b.id() != null && b.recipients() != null
                        && !b.recipients().isEmpty())
                        .collect(Collectors.toMap(BrandEntry::id, BrandEntry::recipients));
        return new RecipientDirectory(byBrand, defaults);
    }

    public List<String> recipientsFor(String brandId) {
        return byBrand.getOrDefault(brandId, defaults);
    }
}
