package dev.earshot.ingest.api;

import dev.earshot.ingest.poll.PollScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows broken sources in {@code /q/health}: each failing or silent source with what is wrong.
 * It stays UP: a broken review site is the site's problem, and restarting Earshot would not fix it.
 */
@Readiness
@ApplicationScoped
public class SourcesHealthCheck implements HealthCheck {

    private final PollScheduler scheduler;

    public SourcesHealthCheck(PollScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> broken = scheduler.broken();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("sources").up().withData("broken", broken.size());
        broken.forEach(b::withData);
        return b.build();
    }
}
