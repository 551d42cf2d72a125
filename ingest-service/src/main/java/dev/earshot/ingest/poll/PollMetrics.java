package dev.earshot.ingest.poll;

import dev.earshot.ingest.fetch.FetchException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The per-source metrics an operator watches to see that the watcher works. */
final class PollMetrics {

    private final MeterRegistry registry;
    private final Map<String, Boolean> gauged = new ConcurrentHashMap<>();

    PollMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    /** {@code outcome} = ok, not_modified or error. */
    void polled(String source, String outcome, Timer.Sample sample) {
        sample.stop(registry.timer("earshot.ingest.polls", "source", source, "outcome", outcome));
    }

    void error(String source, FetchException.Kind kind) {
        registry.counter("earshot.ingest.poll.errors", "source", source, "kind", kind.name()).increment();
    }

    void found(String source, int mentions, int published) {
        registry.counter("earshot.ingest.mentions.found", "source", source).increment(mentions);
        registry.counter("earshot.ingest.mentions.published", "source", source).increment(published);
    }

    void watch(String source, SourceState state) {
        if (gauged.putIfAbsent(source, Boolean.TRUE) == null) {
            Gauge.builder("earshot.ingest.source.last.success", state, s -> {
                Instant at = s.lastSuccessAt;
                return at == null ? Double.NaN : at.getEpochSecond();
            }).tag("source", source).baseUnit("seconds").description("when the source was last read successfully (epoch)")
                    .register(registry);
            Gauge.builder("earshot.ingest.source.consecutive.failures", state, s -> s.health.consecutiveFailures())
                    .tag("source", source).register(registry);
        }
    }
}
