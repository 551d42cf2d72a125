package dev.earshot.ingest.publish;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads a compacted state topic from its beginning and keeps following it, handing every record
 * to a callback; {@link #awaitCaughtUp} returns once everything written before the call has been
 * seen. Every replica runs one per state topic, so what one replica writes, all know.
 */
public final class CompactedTopicView implements AutoCloseable {

    /** For asking where the topic ends (the catch-up's own timeout is only for reading up to there). */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** Gets every record: key, value (null = tombstone) and the record's timestamp (epoch ms). */
    public interface RecordHandler {
        void accept(String key, String value, long timestampMs);
    }

    /** Gets a record the {@link RecordHandler} threw on, and why; the view reads on either way. */
    public interface RejectHandler {
        void reject(ConsumerRecord<String, String> record, RuntimeException why);
    }

    private final KafkaClients kafka;
    private final String topic;
    private final RecordHandler onRecord;
    private final RejectHandler onReject;
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;
    private Admin admin;

    public CompactedTopicView(KafkaClients kafka, String topic, RecordHandler onRecord, RejectHandler onReject) {
        this.kafka = kafka;
        this.topic = topic;
        this.onRecord = onRecord;
        this.onReject = onReject;
    }

    public CompactedTopicView(KafkaClients kafka, String topic, RecordHandler onRecord) {
        this(kafka, topic, onRecord, (r, e) -> Log.warnf("Ignoring unreadable record %s-%d@%d: %s", r.topic(), r.partition(),
                r.offset(), e.getMessage()));
    }

    public CompactedTopicView(KafkaClients kafka, String topic, BiConsumer<String, String> onRecord) {
        this(kafka, topic, (key, value, timestampMs) -> onRecord.accept(key, value));
    }

    public void start() {
        admin = kafka.admin();
        consumer = kafka.reader("earshot-ingest-" + topic);
        int count = KafkaClients.partitionCount(consumer, topic, Duration.ofSeconds(30));
        List<TopicPartition> partitions = java.util.stream.IntStream.range(0, count)
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "earshot-view-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backoffMs = 200;
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        try {
                            onRecord.accept(r.key(), r.value(), r.timestamp());
                        } catch (RuntimeException e) {
                            reject(r, e);
                        }
                    }
                    for (TopicPartition tp : consumer.assignment()) {
                        positions.put(tp.partition(), consumer.position(tp));
                    }
                    failure = null;
                    backoffMs = 200;
                } catch (WakeupException e) {
                    return; // closing
                } catch (RuntimeException e) {
                    // Kafka unreachable or a broken fetch: keep the position and read on, so a replica never stops following.
                    if (failure == null) {
                        Log.errorf(e, "Cannot read %s for now; retrying", topic);
                    }
                    failure = e;
                    Thread.sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, 10_000);
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void reject(ConsumerRecord<String, String> r, RuntimeException why) {
        try {
            onReject.reject(r, why);
        } catch (RuntimeException e) { // e.g. the dead-letter topic is unreachable: following the topic matters more
            Log.errorf("Could not hand on the bad record %s-%d@%d (%s): %s", topic, r.partition(), r.offset(),
                    why.getMessage(), e.getMessage());
        }
    }

    /**
     * Waits until every record written to the topic before this call has been handed to the callback.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}; reading goes on, so a later call may succeed
     */
    public void awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Long> ends;
        try {
            Map<TopicPartition, OffsetSpec> latest = positionsToAsk();
            ends = admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        synchronized (progress) {
            while (!caughtUp(ends)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    RuntimeException f = failure;
                    throw new IllegalStateException("did not catch up with " + topic + " within " + timeout
                            + (f == null ? "" : " (reading it fails: " + f.getMessage() + ")"));
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    private Map<TopicPartition, OffsetSpec> positionsToAsk() throws ExecutionException, InterruptedException, TimeoutException {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(ADMIN_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS).get(topic);
        return description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    }

    private boolean caughtUp(Map<Integer, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
