package dev.earshot.ingest.publish;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends records and returns only when Kafka acknowledged every one; a batch that was not
 * acknowledged is sent again with backoff (the idempotent producer keeps a resend from making a
 * duplicate of a record that did arrive), and after that the failure is the caller's to handle.
 */
public final class AckedSender {

    private final Producer<String, byte[]> producer;
    private final int attempts;
    private final Duration firstBackoff;

    public AckedSender(Producer<String, byte[]> producer, int attempts, Duration firstBackoff) {
        this.producer = producer;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    /** @throws RuntimeException when some record was still not acknowledged after the retries */
    public void sendAll(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        Uni.createFrom().item(() -> records)
                .onItem().transformToUni(rs -> Uni.join().all(rs.stream().map(this::send).toList()).andFailFast())
                .onFailure().retry().withBackOff(firstBackoff, firstBackoff.multipliedBy(8)).withJitter(0.3)
                .atMost(Math.max(1, attempts - 1))
                .await().atMost(Duration.ofSeconds(40L * attempts));
    }

    private Uni<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return Uni.createFrom().emitter(em -> producer.send(record, (meta, error) -> {
            if (error != null) {
                em.fail(error);
            } else {
                em.complete(meta);
            }
        }));
    }
}
