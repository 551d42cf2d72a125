package dev.earshot.sentiment.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/**
 * The outputs of one poll on their way to Kafka, and which of them Kafka acknowledged. A round
 * sends only what is not acknowledged yet, so a retry never duplicates an acknowledged record.
 * A record Kafka can never take (too large) is replaced by its dead letter; a dead letter that
 * cannot be written either is skipped and logged with its offset. Used from the loop's thread;
 * the producer's callbacks only write the answer array, read after {@code flush()}.
 */
final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);
    /** Marks a record sent in this round that has no answer yet. */
    private static final Throwable NO_ANSWER = new IllegalStateException("no answer from Kafka");

    private final List<Outgoing> items;
    private final boolean[] done; // acknowledged, or given up on for good
    private final AtomicReferenceArray<Throwable> answers; // null = acknowledged
    private final Map<TopicPartition, long[]> offsets = new HashMap<>(); // first, last
    private final Set<TopicPartition> dropped = new HashSet<>();
    private final ScoringMetrics metrics;
    private int pending;
    private Throwable lastFailure;

    Delivery(List<Outgoing> items, ScoringMetrics metrics) {
        this.items = new ArrayList<>(items);
        this.metrics = metrics;
        this.done = new boolean[items.size()];
        this.answers = new AtomicReferenceArray<>(items.size());
        this.pending = items.size();
        for (Outgoing o : items) {
            long[] range = offsets.computeIfAbsent(partition(o.source()), tp -> new long[] {o.source().offset(), 0});
            range[1] = o.source().offset();
        }
    }

    /**
     * Sends every record not acknowledged yet and waits until Kafka answered each.
     *
     * @return how many records acknowledged in this round
     */
    int round(Producer<byte[], byte[]> producer) {
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (done[i]) {
                continue;
            }
            int index = i;
            answers.set(i, NO_ANSWER);
            try {
                producer.send(items.get(i).record(), (meta, error) -> answers.set(index, error));
                sent.add(i);
            } catch (RuntimeException e) { // raised before sending: too large, or no metadata within max.block.ms
                answers.set(i, e);
                sent.add(i);
                if (!neverWritable(e)) {
                    break; // the rest would block the same way; next round
                }
            }
        }
        producer.flush();
        int acked = 0;
        for (int i : sent) {
            Throwable answer = answers.get(i);
            if (answer == null) {
                acked++;
                acknowledged(i);
            } else if (answer != NO_ANSWER && neverWritable(answer)) {
                replaceOrSkip(i, answer);
            } else {
                lastFailure = answer;
            }
        }
        return acked;
    }

    /** Records neither acknowledged nor given up on. */
    int pending() {
        return pending;
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    /** Stops sending the records of partitions this instance no longer owns: the new owner scores them again. */
    void drop(Collection<TopicPartition> partitions) {
        dropped.addAll(partitions);
        for (int i = 0; i < items.size(); i++) {
            if (!done[i] && dropped.contains(partition(items.get(i).source()))) {
                done[i] = true;
                pending--;
            }
        }
    }

    /** Next offset to commit for each partition of the batch whose every record is safely written. */
    Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> among) {
        Set<TopicPartition> incomplete = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!done[i]) {
                incomplete.add(partition(items.get(i).source()));
            }
        }
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        offsets.forEach((tp, range) -> {
            if (among.contains(tp) && !incomplete.contains(tp) && !dropped.contains(tp)) {
                result.put(tp, new OffsetAndMetadata(range[1] + 1));
            }
        });
        return result;
    }

    /** Partitions of this batch; where each must be read again from if the batch is abandoned. */
    Map<TopicPartition, Long> firstOffsets() {
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((tp, range) -> result.put(tp, range[0]));
        return result;
    }

    private void acknowledged(int i) {
        done[i] = true;
        pending--;
        Outgoing o = items.get(i);
        if (o.isDeadLetter()) {
            metrics.deadLettered();
        } else {
            metrics.scored(o.brand(), o.label());
            if (o.unscored() != null) {
                metrics.unscored(o.brand(), o.unscored());
            }
        }
    }

    private void replaceOrSkip(int i, Throwable error) {
        Outgoing o = items.get(i);
        ConsumerRecord<byte[], byte[]> source = o.source();
        if (!o.isDeadLetter()) {
            items.set(i, Outgoing.deadLetter(source, "cannot write to " + o.record().topic() + ": " + error));
            return;
        }
        LOG.errorf("skipping %s-%d@%d: its dead letter cannot be written either (%s); the record stays on %s",
                source.topic(), source.partition(), source.offset(), error, source.topic());
        done[i] = true;
        pending--;
        metrics.unwritable();
    }

    private static boolean neverWritable(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException || e instanceof SerializationException;
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> r) {
        return new TopicPartition(r.topic(), r.partition());
    }
}
