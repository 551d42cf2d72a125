package dev.earshot.alert.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of rule defaults says what {@link DetectionSettings#defaults()}, their one source, says. */
class DefaultsTableTest {

    static final Pattern ROW = Pattern.compile(
            "^\\| `earshot\\.alert\\.((?:instant|spike|drift)\\.[a-z-]+)` \\| `[A-Z_]+` \\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void readmeTableMatchesTheCode() throws IOException {
        DetectionSettings d = DetectionSettings.defaults();
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("instant.threshold", d.instantThreshold());
        code.put("instant.crisis-threshold", d.crisisThreshold());
        code.put("instant.high-severity-below", d.highSeverityBelow());
        code.put("instant.low-rating-share", d.lowRatingShare());
        code.put("spike.window", d.spikeWindow());
        code.put("spike.max-p-value", d.spikeMaxPValue());
        code.put("spike.min-count", (double) d.spikeMinCount());
        code.put("spike.warmup", d.spikeWarmup());
        code.put("spike.prior-per-day", d.priorPerDay());
        code.put("spike.prior-days", d.priorDays());
        code.put("spike.share-min-mentions", (double) d.shareMinMentions());
        code.put("spike.share-jump", d.shareJump());
        code.put("drift.fast-half-life", d.driftFastHalfLife());
        code.put("drift.slow-half-life", d.driftSlowHalfLife());
        code.put("drift.drop", d.driftDrop());
        code.put("drift.min-mentions", (double) d.driftMinMentions());

        Map<String, Object> readme = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            String value = m.group(2);
            readme.put(m.group(1), value.matches("\\d+[smhd]") ? duration(value) : Double.parseDouble(value));
        }
        assertEquals(new TreeMap<>(code), readme, "alert-service/README.md's defaults against DetectionSettings.defaults()");
    }

    private static Duration duration(String value) {
        long n = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
