package dev.earshot.alert.notification;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the delivery thread runs; a slow or failing mail server does not make it DOWN (it retries). */
@Liveness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxWorker worker;

    public OutboxHealth(OutboxWorker worker) {
        this.worker = worker;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("notification-delivery").status(worker.alive()).build();
    }
}
