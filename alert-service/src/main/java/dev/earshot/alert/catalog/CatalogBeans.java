package dev.earshot.alert.catalog;

import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.detection.DetectionSettings;
import dev.earshot.events.KafkaConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;

/** The brand catalog (the catalog topic, then the operator's file), and the service-wide rule thresholds it starts from. */
public class CatalogBeans {

    @Produces
    @Singleton
    CatalogTopic catalogTopic(KafkaConnection kafka, MeterRegistry metrics) {
        return new CatalogTopic(kafka, metrics);
    }

    /** After the topics exist, before Kafka Streams starts: the first mentions find their brands. */
    void startCatalog(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 2) StartupEvent event,
            CatalogTopic topic) {
        topic.start(Duration.ofSeconds(30));
    }

    void stopCatalog(@Observes ShutdownEvent event, CatalogTopic topic) {
        topic.close();
    }

    @Produces
    @Singleton
    BrandCatalog brandCatalog(AlertConfig config, CatalogTopic topic) {
        List<String> defaults = config.defaultRecipients().orElse(List.of());
        List<String> operators = config.operators().orElse(List.of());
        String slack = config.slackWebhook().orElse(null);
        DetectionSettings settings = serviceSettings(config);
        return new BrandCatalog(defaults, operators, slack, settings, topic::brand, topic::operators);
    }

    /** The defaults with the service's settings ({@code earshot.alert.instant|spike|drift.*}) applied. */
    public static DetectionSettings serviceSettings(AlertConfig c) {
        AlertConfig.Instant i = c.instant();
        AlertConfig.Spike s = c.spike();
        AlertConfig.Drift d = c.drift();
        return DetectionSettings.defaults().with(new DetectionSettings.Overrides(i.threshold().orElse(null),
                i.crisisThreshold().orElse(null), i.highSeverityBelow().orElse(null), i.lowRatingShare().orElse(null),
                i.crisisTerms().orElse(null), s.window().orElse(null), s.maxPValue().orElse(null),
                s.minCount().orElse(null), s.warmup().orElse(null), s.priorPerDay().orElse(null),
                s.priorDays().orElse(null), s.shareMinMentions().orElse(null), s.shareJump().orElse(null),
                d.fastHalfLife().orElse(null), d.slowHalfLife().orElse(null), d.drop().orElse(null),
                d.minMentions().orElse(null)));
    }
}
