package dev.earshot.ingest.api;

import dev.earshot.ingest.poll.SourceOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of this replica's share of the sources: DOWN, with the reason, while shards it was
 * given cannot be polled yet (it has not caught up with the state topics, or lost the group).
 * Not liveness: the replica recovers by itself, a restart would only start the catch-up over.
 */
@Readiness
@ApplicationScoped
public class ShardsHealthCheck implements HealthCheck {

    private final SourceOwnership ownership;

    public ShardsHealthCheck(SourceOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("shards").withData("owned", ownership.owned().size());
        return ownership.problem().map(p -> b.down().withData("problem", p)).orElseGet(b::up).build();
    }
}
