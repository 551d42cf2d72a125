package dev.earshot.ingest.support;

import dev.earshot.ingest.IngestConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real {@link IngestConfig} mapping with its real defaults, for tests that build the plain classes. */
public final class TestConfig {

    private TestConfig() {
    }

    /** Defaults, plus whatever the test sets (keys without the {@code earshot.ingest.} prefix). */
    public static IngestConfig ingest(Map<String, String> settings) {
        Map<String, String> props = new HashMap<>();
        settings.forEach((k, v) -> props.put("earshot.ingest." + k, v));
        // Quarkus's own converter, so "5s" and "30m" read as they do in the service.
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(IngestConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500)).build();
        return config.getConfigMapping(IngestConfig.class);
    }
}
