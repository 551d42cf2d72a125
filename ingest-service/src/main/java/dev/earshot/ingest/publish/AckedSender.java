package dev.earshot.ingest.publish;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends records and returns only when Kafka acknowledged every one; a batch that was not
 * acknowledged is sent again after a jittered, doubling backoff (the idempotent producer keeps a
 * resend from duplicating a record that did arrive), and after the last attempt the failure is
 * the caller's to handle. A plain loop on the calling thread: the poll that publishes is already
 * a worker thread that must not move on before the ack.
 */
public final class AckedSender {

    /** Longest wait for the acks of one attempt (the producer's own delivery timeout is 30 s). */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(45);

    private final Producer<String, byte[]> producer;
    private final int attempts;
    private final Duration firstBackoff;

    public AckedSender(Producer<String, byte[]> producer, int attempts, Duration firstBackoff) {
        this.producer = producer;
        this.attempts = Math.max(1, attempts);
        this.firstBackoff = firstBackoff;
    }

    /** @throws KafkaException when some record was still not acknowledged after the last attempt */
    public void sendAll(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                sendOnce(records);
                return;
            } catch (KafkaException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
            sleep(Duration.ofMillis((long) (backoff.toMillis() * (0.7 + 0.6 * ThreadLocalRandom.current().nextDouble()))));
            backoff = backoff.multipliedBy(2);
        }
    }

    private void sendOnce(List<ProducerRecord<String, byte[]>> records) {
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
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof KafkaException ke ? ke
                    : new KafkaException("not acknowledged: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new KafkaException("no acknowledgement from Kafka within " + ACK_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for Kafka's acknowledgement", e);
        }
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
