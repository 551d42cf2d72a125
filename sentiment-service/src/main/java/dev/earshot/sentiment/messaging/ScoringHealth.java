package dev.earshot.sentiment.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health} for the scoring loop: live while it makes progress (a slow or failing Kafka
 * only makes it retry), ready once it is in the consumer group.
 */
@ApplicationScoped
public class ScoringHealth {

    private final ScoringService service;

    public ScoringHealth(ScoringService service) {
        this.service = service;
    }

    @Produces
    @Liveness
    HealthCheck progressing() {
        return () -> HealthCheckResponse.named("scoring-loop").status(service.live())
                .withData("secondsSinceProgress", service.sinceProgress().toSeconds()).build();
    }

    @Produces
    @Readiness
    HealthCheck inGroup() {
        return () -> HealthCheckResponse.named("scoring-consumer").status(service.ready())
                .withData("group", ScoringKafkaClients.GROUP).build();
    }
}
