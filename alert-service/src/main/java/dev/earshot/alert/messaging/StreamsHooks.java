package dev.earshot.alert.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * What alert-service adds to the Kafka Streams extension's lifecycle: a failed stream thread is replaced
 * (its work is redone from the last commit) and remembered, so health can tell one failure from a crash
 * loop; whether Kafka Streams has run since start (readiness); and a shutdown that leaves the group, so
 * the other replicas take the partitions over at once instead of after the session timeout. The
 * extension picks the listener and the handler up as beans.
 */
@Singleton
public class StreamsHooks implements KafkaStreams.StateListener, StreamsUncaughtExceptionHandler {

    /** Leaving the group: with static membership ({@code group.instance.id}) Kafka Streams 4.1 removes the member. */
    public static final KafkaStreams.CloseOptions LEAVE_GROUP = new KafkaStreams.CloseOptions().leaveGroup(true)
            .timeout(Duration.ofSeconds(30));

    private final ThreadFailures failures = new ThreadFailures();
    private final MeterRegistry registry;
    private final Instance<KafkaStreams> streams;
    private volatile boolean hasRun;

    public StreamsHooks(MeterRegistry registry, Instance<KafkaStreams> streams) {
        this.registry = registry;
        this.streams = streams;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable e) {
        failures.failed(System.currentTimeMillis());
        registry.counter("earshot.alerts.stream.thread.failures").increment();
        Log.errorf(e, "Kafka Streams thread failed; replacing it (its work is redone from the last commit)");
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    @Override
    public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
        if (now == KafkaStreams.State.RUNNING) {
            hasRun = true;
        }
        Log.infof("Kafka Streams %s -> %s", before, now);
    }

    /** Whether Kafka Streams has been RUNNING since start (a later rebalance keeps the service ready). */
    public boolean hasRun() {
        return hasRun;
    }

    /** Whether the stream thread keeps failing (replaced again and again): a stall, not progress. */
    public boolean crashLooping() {
        return failures.looping(System.currentTimeMillis());
    }

    /** Before the extension's own close, which does not leave the group. */
    void leaveGroupOnShutdown(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) {
        if (streams.isResolvable()) {
            streams.get().close(LEAVE_GROUP);
        }
    }
}
