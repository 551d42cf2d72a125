package dev.earshot.console.intake;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the topic intake runs and its last batch reached the store. */
@Readiness
@ApplicationScoped
public class IntakeHealth implements HealthCheck {

    private final TopicIntake intake;

    public IntakeHealth(TopicIntake intake) {
        this.intake = intake;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("console-intake").status(intake.healthy()).build();
    }
}
