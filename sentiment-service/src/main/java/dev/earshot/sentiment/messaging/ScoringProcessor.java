package dev.earshot.sentiment.messaging;

import dev.earshot.events.MalformedEventException;
import dev.earshot.events.ScoredMention;
import dev.earshot.sentiment.scoring.SentimentScorer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Scores {@code mentions} onto {@code mentions-scored} a poll-batch at a time, keyed by brand id.
 * A record that is not a valid Mention goes to {@code mentions-dlq} with the reason, and the rest
 * of its batch goes on. The batch's offsets are committed only after Kafka acknowledged every
 * output, so a crash replays rather than loses.
 */
@ApplicationScoped
public class ScoringProcessor {

    /** Incoming channel, mapped to topic {@link dev.earshot.events.Topics#MENTIONS}. */
    public static final String IN = "mentions";
    /** Outgoing channel, mapped to topic {@link dev.earshot.events.Topics#MENTIONS_SCORED}. */
    public static final String OUT = "mentions-scored";
    /** Outgoing channel, mapped to topic {@link dev.earshot.events.Topics#MENTIONS_DLQ}. */
    public static final String DLQ = "mentions-dlq";
    /** Header naming why a record was dead-lettered (the same name SmallRye's own DLQ uses). */
    public static final String REASON_HEADER = "dead-letter-reason";

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final MentionScorer mentionScorer;
    private final MutinyEmitter<Record<String, ScoredMention>> scoredOut;
    private final MutinyEmitter<String> deadLetters;
    private final MeterRegistry metrics;
    private final Map<String, Counter> scoredByBrandAndLabel = new ConcurrentHashMap<>();
    private final Counter deadLettered;

    public ScoringProcessor(SentimentScorer scorer, MeterRegistry metrics,
            // A batch is at most max.poll.records, so the buffer is bounded by the consumer.
            @Channel(OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<Record<String, ScoredMention>> scoredOut,
            @Channel(DLQ) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> deadLetters) {
        this.mentionScorer = new MentionScorer(scorer, Clock.systemUTC());
        this.scoredOut = scoredOut;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.deadLettered = metrics.counter("earshot.sentiment.mentions.dead.lettered");
    }

    @Incoming(IN)
    public Uni<Void> scoreBatch(KafkaRecordBatch<String, String> batch) {
        List<Uni<Void>> acks = new ArrayList<>(batch.getPayload().size());
        for (KafkaRecord<String, String> record : batch) {
            try {
                ScoredMention result = mentionScorer.score(record.getPayload());
                acks.add(scoredOut.send(Record.of(result.mention().brand().id(), result)));
                countScored(result);
            } catch (MalformedEventException e) {
                acks.add(deadLetters.sendMessage(deadLetter(record, e.getMessage())));
                deadLettered.increment();
            } catch (RuntimeException e) {
                // A scorer bug on one odd text must not stop the stream: park the record, keep going.
                acks.add(deadLetters.sendMessage(deadLetter(record, "cannot score: " + e)));
                deadLettered.increment();
            }
        }
        if (acks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(acks).andFailFast().replaceWithVoid().ifNoItem().after(ACK_TIMEOUT).fail();
    }

    /** Per brand and label, for the dashboard's sentiment distribution and negative share. */
    private void countScored(ScoredMention result) {
        String brand = result.mention().brand().id();
        String label = result.label().name().toLowerCase(Locale.ROOT);
        scoredByBrandAndLabel.computeIfAbsent(brand + '\n' + label, k -> metrics.counter(
                "earshot.sentiment.mentions.scored", "brand", brand, "label", label)).increment();
    }

    private static Message<String> deadLetter(KafkaRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.getTopic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(record.getPartition()).getBytes(StandardCharsets.UTF_8));
        record.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m -> headers.add("dead-letter-offset",
                String.valueOf(m.getOffset()).getBytes(StandardCharsets.UTF_8)));
        return Message.of(record.getPayload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey()).withHeaders(headers).build());
    }
}
