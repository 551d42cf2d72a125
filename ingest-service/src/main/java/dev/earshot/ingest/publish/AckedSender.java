package dev.earshot.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Sends records and returns only when Kafka acknowledged every one; the records of a batch that
 * were not acknowledged (and only those: an acknowledged record is never sent twice) are sent
 * again after a jittered, doubling backoff, and after the last attempt the failure is the
 * caller's to handle. A record Kafka refuses for good (too large, invalid) is not retried: it is
 * handed back with the reason, so one bad record never holds back the others. A plain loop on the
 * calling thread: the poll that publishes is already a worker thread that must not move on
 * before the ack.
 */
public final class AckedSender {

    /** Longest wait for the acks of one attempt (the producer's own delivery timeout is 30 s). */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(45);

    private final Producer<String, byte[]> producer;
    private final int attempts;
    private final Duration firstBackoff;

    /**
     * A record Kafka will never accept as it is, and why.
     *
     * @param tooLarge refused for its size (else: invalid)
     */
    public record Refused(ProducerRecord<String, byte[]> record, String reason, boolean tooLarge) {
    }

    public AckedSender(Producer<String, byte[]> producer, int attempts, Duration firstBackoff) {
        this.producer = producer;
        this.attempts = Math.max(1, attempts);
        this.firstBackoff = firstBackoff;
    }

    /**
     * Sends every record; for callers that have nothing to do with a refused record but fail.
     *
     * @throws KafkaException when some record was not acknowledged after the last attempt, or was refused
     */
    public void sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Refused> refused = send(records);
        if (!refused.isEmpty()) {
            throw new KafkaException(refused.size() + " record(s) refused by Kafka: " + refused.get(0).reason());
        }
    }

    /**
     * Sends every record and returns those Kafka refused for good; all the others are acknowledged.
     *
     * @throws KafkaException when some record was still not acknowledged after the last attempt
     */
    public List<Refused> send(List<ProducerRecord<String, byte[]>> records) {
        List<Refused> refused = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> pending = records;
        Duration backoff = firstBackoff;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Attempt result = sendOnce(pending);
            refused.addAll(result.refused);
            pending = result.unacknowledged;
            if (pending.isEmpty()) {
                break;
            }
            if (attempt >= attempts) {
                throw result.lastError;
            }
            sleep(Duration.ofMillis((long) (backoff.toMillis() * (0.7 + 0.6 * ThreadLocalRandom.current().nextDouble()))));
            backoff = backoff.multipliedBy(2);
        }
        return refused;
    }

    private static final class Attempt {
        final List<ProducerRecord<String, byte[]>> unacknowledged = new ArrayList<>();
        final List<Refused> refused = new ArrayList<>();
        KafkaException lastError;
    }

    private Attempt sendOnce(List<ProducerRecord<String, byte[]>> records) {
        List<CompletableFuture<Void>> acks = records.stream().map(r -> {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            try {
                producer.send(r, (meta, error) -> {
                    if (error != null) {
                        ack.completeExceptionally(error);
                    } else {
                        ack.complete(null);
                    }
                });
            } catch (RuntimeException e) { // e.g. metadata not available within max.block.ms
                ack.completeExceptionally(e);
            }
            return ack;
        }).toList();
        Attempt result = new Attempt();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // some failed: which ones is read below
        } catch (TimeoutException e) {
            result.lastError = new KafkaException("no acknowledgement from Kafka within " + ACK_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for Kafka's acknowledgement", e);
        }
        for (int i = 0; i < records.size(); i++) {
            CompletableFuture<Void> ack = acks.get(i);
            if (!ack.isDone()) {
                // Still in flight after the timeout: it may yet arrive, so a resend can duplicate it (readers keep one).
                result.unacknowledged.add(records.get(i));
                continue;
            }
            if (!ack.isCompletedExceptionally()) {
                continue;
            }
            Throwable cause = ack.handle((v, t) -> t).join();
            if (isPermanent(cause)) {
                result.refused.add(new Refused(records.get(i), cause.getMessage(),
                        cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException));
            } else {
                result.unacknowledged.add(records.get(i));
                result.lastError = cause instanceof KafkaException ke ? ke
                        : new KafkaException("not acknowledged: " + cause.getMessage(), cause);
            }
        }
        return result;
    }

    /** Errors that sending the same bytes again cannot cure. */
    private static boolean isPermanent(Throwable t) {
        return t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                || t instanceof InvalidRecordException || t instanceof SerializationException;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while backing off", e);
        }
    }
}
