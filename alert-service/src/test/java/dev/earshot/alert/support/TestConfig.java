package dev.earshot.alert.support;

import dev.earshot.alert.config.AlertConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real {@link AlertConfig} mapping with its defaults, plus overrides, for plain (non-Quarkus) tests. */
public final class TestConfig {

    private TestConfig() {
    }

    public static AlertConfig with(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(overrides);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AlertConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(props, "test", 500))
                .build();
        return config.getConfigMapping(AlertConfig.class);
    }
}
