package dev.earshot.sentiment.messaging;

import dev.earshot.events.Topics;
import dev.earshot.sentiment.SentimentConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The consumer loop of sentiment-service, on its own thread: poll {@code mentions} → score the
 * batch → send every output → wait until Kafka acknowledged each → commit the polled offsets.
 * Records Kafka did not acknowledge are sent again after a doubling backoff, for as long as it
 * takes; meanwhile the partitions are paused and polled, so this instance stays in the group.
 * Only what Kafka acknowledged downstream is ever committed, also when partitions are revoked.
 */
final class ScoringLoop implements Runnable, ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ScoringLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(15);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final BatchScorer scorer;
    private final ScoringMetrics metrics;
    private final SentimentConfig.Loop settings;

    /** Acknowledged downstream, not committed yet (a failed commit is retried with the next one). */
    private final Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    private Delivery inFlight;

    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile long lastProgressNanos = System.nanoTime();

    ScoringLoop(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, BatchScorer scorer,
            ScoringMetrics metrics, SentimentConfig.Loop settings) {
        this.consumer = consumer;
        this.producer = producer;
        this.scorer = scorer;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.MENTIONS), this);
            while (running) {
                try {
                    step();
                } catch (WakeupException e) {
                    // stop() was called; the loop condition ends it
                } catch (RuntimeException e) {
                    // Failures the Kafka client does not recover from itself (the batch was rewound): back off, try again.
                    // If it never recovers, liveness goes DOWN after the stall timeout.
                    LOG.warnf(e, "scoring loop: %s; polling again in %s", e, settings.retryBackoff());
                    pauseFor(settings.retryBackoff());
                }
            }
        } finally {
            close();
        }
    }

    /** Asks the loop to finish its batch's current round, commit what was acknowledged, and close. */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Time since the loop last completed a poll or got an acknowledgement. */
    Duration sinceProgress() {
        return Duration.ofNanos(System.nanoTime() - lastProgressNanos);
    }

    /** Whether this instance has joined the group and been given its (possibly empty) share of partitions. */
    boolean assigned() {
        return assigned;
    }

    private void step() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        progress();
        if (records.isEmpty()) {
            commit();
            return;
        }
        Delivery delivery = new Delivery(scorer.score(records), metrics);
        inFlight = delivery;
        try {
            deliver(delivery);
        } catch (RuntimeException | Error e) {
            // Not acknowledged means not done: read the batch again rather than skip past it.
            rewind(delivery);
            throw e;
        } finally {
            inFlight = null;
        }
        toCommit.putAll(delivery.committable(consumer.assignment()));
        commit();
    }

    private void deliver(Delivery delivery) {
        Duration backoff = settings.retryBackoff();
        boolean paused = false;
        try {
            while (true) {
                if (delivery.round(producer) > 0) {
                    progress();
                }
                if (delivery.pending() == 0 || !running) {
                    return;
                }
                metrics.sendRetries(delivery.pending());
                LOG.warnf("%d record(s) not acknowledged by Kafka (%s); sending them again in %s",
                        delivery.pending(), delivery.lastFailure(), backoff);
                if (!paused) {
                    consumer.pause(consumer.assignment());
                    paused = true;
                }
                try {
                    pausedPoll(backoff);
                } catch (WakeupException e) {
                    return; // stopping: commit what was acknowledged, the rest is read again after restart
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : doubled;
            }
        } finally {
            if (paused) {
                consumer.resume(consumer.paused());
            }
        }
    }

    /** Waits while staying in the group: every assigned partition is paused, so nothing new is returned. */
    private void pausedPoll(Duration wait) {
        ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(wait);
        if (!unexpected.isEmpty()) { // cannot happen with every partition paused; never skip records if it does
            for (TopicPartition tp : unexpected.partitions()) {
                consumer.seek(tp, unexpected.records(tp).get(0).offset());
            }
            consumer.pause(unexpected.partitions());
        }
    }

    private void commit() {
        if (toCommit.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(toCommit, COMMIT_TIMEOUT);
            toCommit.clear();
            metrics.committed();
        } catch (RetriableException | RebalanceInProgressException e) {
            LOG.warnf("commit failed (%s); it is retried with the next one", e.toString());
            metrics.commitFailed();
        } catch (CommitFailedException e) {
            // This instance lost the partitions; their new owner reads them again from the last commit.
            LOG.warnf("commit refused (%s); the partitions' new owner scores them again", e.toString());
            toCommit.clear();
            metrics.commitFailed();
        }
    }

    private void rewind(Delivery delivery) {
        try {
            delivery.firstOffsets().forEach((tp, offset) -> {
                if (consumer.assignment().contains(tp)) {
                    consumer.seek(tp, offset);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("cannot rewind the failed batch (%s); it is read again from the last commit after a restart", e);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (inFlight != null) {
            toCommit.putAll(inFlight.committable(partitions));
            inFlight.drop(partitions);
        }
        Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = toCommit.remove(tp);
            if (o != null) {
                revoked.put(tp, o);
            }
        }
        if (!revoked.isEmpty()) {
            try {
                consumer.commitSync(revoked, COMMIT_TIMEOUT);
                metrics.committed();
            } catch (KafkaException e) {
                LOG.warnf("commit of revoked partitions %s failed (%s); their new owner scores them again",
                        revoked.keySet(), e.toString());
                metrics.commitFailed();
            }
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // Already someone else's: committing would overwrite their progress.
        if (inFlight != null) {
            inFlight.drop(partitions);
        }
        partitions.forEach(toCommit::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        assigned = true;
        if (inFlight != null) {
            consumer.pause(partitions); // a batch is still being delivered: take nothing new yet
        }
    }

    private void progress() {
        lastProgressNanos = System.nanoTime();
    }

    private void pauseFor(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void close() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warnf("final commit failed: %s", e.toString());
        }
        try {
            consumer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warnf("closing the consumer: %s", e.toString());
        }
        producer.close(Duration.ofSeconds(10));
        assigned = false;
    }
}
