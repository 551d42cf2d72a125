package dev.earshot.ingest.poll;

import dev.earshot.ingest.publish.KafkaClients;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;

/**
 * Shares the sources between replicas through Kafka's partition assignment: each source belongs
 * to one partition of the (empty) topic {@value #TOPIC} by the hash of its id, and a replica polls
 * only the sources of the partitions the consumer group gave it. When a replica joins or dies,
 * Kafka moves partitions, and with them sources; a replica finishes its polls of a partition
 * before giving it up, and the new owner first catches up with what was published (retrying,
 * and saying so in {@link #problem}, until it can).
 */
public final class SourceOwnership implements AutoCloseable {

    /** Holds no records; its partitions are the shares of the sources. */
    public static final String TOPIC = "earshot-ingest-shards";

    /** What the poll loop does around a move of partitions. */
    public interface Hooks {
        /** Before polling sources of newly owned partitions (e.g. catch up with the published store). */
        void beforeTakingOver(Set<Integer> partitions);

        /** After giving partitions up, before another replica may take them (e.g. finish in-flight polls). */
        void afterGivingUp(Set<Integer> partitions);
    }

    /** Wait before a failed group member joins again, doubling up to the max. */
    private static final Duration FIRST_REJOIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_REJOIN_BACKOFF = Duration.ofSeconds(30);

    private final KafkaClients kafka;
    private final String group;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstShare = new CountDownLatch(1);
    private final ShardTakeover takeover = new ShardTakeover();
    private volatile Hooks hooks = new Hooks() {
        public void beforeTakingOver(Set<Integer> p) {
        }

        public void afterGivingUp(Set<Integer> p) {
        }
    };
    private volatile boolean running = true;
    private volatile int partitions;
    private volatile String groupProblem;
    private String memberName;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public SourceOwnership(KafkaClients kafka, String group) {
        this.kafka = kafka;
        this.group = group;
    }

    public void hooks(Hooks hooks) {
        this.hooks = hooks;
    }

    /** Joins the group and waits (up to {@code timeout}) for the first share of sources, caught up and ready to poll. */
    public void start(String memberName, Duration timeout) {
        this.memberName = memberName;
        consumer = kafka.groupMember(group, memberName);
        partitions = KafkaClients.partitionCount(consumer, TOPIC, Duration.ofSeconds(30));
        thread = new Thread(this::run, "earshot-source-ownership");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!firstShare.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warnf("No share of the sources ready within %s; polling starts when Kafka assigns one and this "
                        + "replica has caught up", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Keeps the membership alive and takes over assigned shards once caught up. Nothing ends it but
     * {@link #close}: a failed catch-up is retried, and a consumer that fails is replaced and joins again.
     */
    private void run() {
        Duration backoff = FIRST_REJOIN_BACKOFF;
        try {
            while (running) {
                try {
                    if (consumer == null) {
                        consumer = kafka.groupMember(group, memberName);
                    }
                    consumer.subscribe(List.of(TOPIC), listener);
                    while (running) {
                        consumer.poll(Duration.ofMillis(250)); // no records: polling keeps the membership alive
                        groupProblem = null;
                        backoff = FIRST_REJOIN_BACKOFF;
                        Set<Integer> ready = takeover.attempt(hooks::beforeTakingOver, System.nanoTime());
                        if (!ready.isEmpty()) {
                            owned.addAll(ready);
                            Log.infof("Took over source shards %s of %d", ready, partitions);
                            firstShare.countDown();
                        }
                    }
                } catch (WakeupException e) {
                    return; // closing
                } catch (RuntimeException e) {
                    groupProblem = "left the source-sharing group (" + e.getMessage() + "); joining again in "
                            + backoff.toSeconds() + " s";
                    Log.errorf(e, "This replica %s", groupProblem);
                    owned.clear();
                    takeover.clear();
                    closeConsumer();
                    if (!sleep(backoff)) {
                        return;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(MAX_REJOIN_BACKOFF) > 0 ? MAX_REJOIN_BACKOFF
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            owned.clear();
            closeConsumer(); // leaves the group at once: the others take over now
        }
    }

    private final ConsumerRebalanceListener listener = new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            Set<Integer> ids = ids(revoked);
            takeover.revoked(ids);
            Set<Integer> wasPolled = ids.stream().filter(owned::contains).collect(Collectors.toSet());
            owned.removeAll(ids);
            if (!wasPolled.isEmpty()) {
                hooks.afterGivingUp(wasPolled);
                Log.infof("Gave up source shards %s", wasPolled);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            takeover.revoked(ids(lost));
            owned.removeAll(ids(lost));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            // Only noted here: the catch-up runs in the loop, where a failure is retried instead of leaving the group.
            takeover.assigned(ids(assigned));
            if (assigned.isEmpty() && owned.isEmpty()) {
                firstShare.countDown(); // more replicas than shards: this one has nothing to poll, and is ready
            }
        }
    };

    private void closeConsumer() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                Log.debugf("Closing the group member: %s", e.getMessage());
            }
            consumer = null;
        }
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why this replica does not poll (all) the shards it was given, while that is so; empty when it does. */
    public Optional<String> problem() {
        String g = groupProblem;
        return g != null ? Optional.of(g) : takeover.problem();
    }

    /** True when this replica polls the source now. */
    public boolean owns(String sourceId) {
        return partitions > 0 && owned.contains(partitionOf(sourceId, partitions));
    }

    public Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    public int partitionOf(String sourceId) {
        return partitionOf(sourceId, partitions);
    }

    static int partitionOf(String sourceId, int partitions) {
        return Utils.toPositive(Utils.murmur2(sourceId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static Set<Integer> ids(Collection<TopicPartition> tps) {
        return tps.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
