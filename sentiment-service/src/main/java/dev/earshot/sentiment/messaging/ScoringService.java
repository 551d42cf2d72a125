package dev.earshot.sentiment.messaging;

import dev.earshot.events.KafkaConnection;
import dev.earshot.sentiment.SentimentConfig;
import dev.earshot.sentiment.scoring.Scorer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

/**
 * Runs the {@link ScoringLoop} on its own thread from Quarkus start to shutdown, and tells the
 * health checks how it is doing.
 */
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);

    private final Scorer scorer;
    private final MeterRegistry registry;
    private final SentimentConfig.Loop settings;
    private final KafkaConnection kafka;
    private BatchScorer batchScorer;
    private ScoringLoop loop;
    private Thread thread;
    private KafkaClientMetrics consumerMetrics;
    private KafkaClientMetrics producerMetrics;

    public ScoringService(Scorer scorer, MeterRegistry registry, SentimentConfig config,
            KafkaConnection kafka) {
        this.scorer = scorer;
        this.registry = registry;
        this.settings = config.loop();
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent event) {
        ScoringKafkaClients clients = new ScoringKafkaClients(kafka, settings);
        KafkaConsumer<byte[], byte[]> consumer = clients.consumer();
        KafkaProducer<byte[], byte[]> producer = clients.producer();
        // Lag, fetch and send rates as kafka_consumer_* / kafka_producer_* meters.
        consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        int threads = settings.scoringThreads() > 0 ? settings.scoringThreads() : Runtime.getRuntime().availableProcessors();
        batchScorer = new BatchScorer(new MentionScorer(scorer, Clock.systemUTC()), threads);
        loop = new ScoringLoop(consumer, producer, batchScorer, new ScoringMetrics(registry), settings);
        thread = new Thread(loop, "sentiment-scoring");
        thread.setUncaughtExceptionHandler((t, e) -> LOG.errorf(e, "the scoring loop died; liveness is DOWN"));
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            // One round of sends may still be waiting for Kafka's answer.
            thread.join(settings.sendTimeout().plusSeconds(25).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        batchScorer.close();
        consumerMetrics.close();
        producerMetrics.close();
    }

    /** Running, and not stuck: it completed a poll or got an acknowledgement within the stall timeout. */
    boolean live() {
        return thread != null && thread.isAlive() && loop.sinceProgress().compareTo(settings.stallTimeout()) < 0;
    }

    /** In the consumer group, with its share of {@code mentions}. */
    boolean ready() {
        return thread != null && thread.isAlive() && loop.assigned();
    }

    Duration sinceProgress() {
        return loop == null ? Duration.ZERO : loop.sinceProgress();
    }
}
