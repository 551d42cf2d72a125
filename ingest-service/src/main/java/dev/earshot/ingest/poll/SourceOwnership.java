package dev.earshot.ingest.poll;

import dev.earshot.ingest.publish.KafkaClients;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
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
 * before giving it up, and the new owner first catches up with what was published.
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

    private final KafkaClients kafka;
    private final String group;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private volatile Hooks hooks = new Hooks() {
        public void beforeTakingOver(Set<Integer> p) {
        }

        public void afterGivingUp(Set<Integer> p) {
        }
    };
    private volatile boolean running = true;
    private volatile int partitions;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    public SourceOwnership(KafkaClients kafka, String group) {
        this.kafka = kafka;
        this.group = group;
    }

    public void hooks(Hooks hooks) {
        this.hooks = hooks;
    }

    /** Joins the group and waits (up to {@code timeout}) for the first share of sources. */
    public void start(String memberName, Duration timeout) {
        consumer = kafka.groupMember(group, memberName);
        partitions = KafkaClients.partitionCount(consumer, TOPIC, Duration.ofSeconds(30));
        consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                Set<Integer> ids = ids(revoked);
                owned.removeAll(ids);
                if (!ids.isEmpty()) {
                    hooks.afterGivingUp(ids);
                    Log.infof("Gave up source shards %s", ids);
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                owned.removeAll(ids(lost));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                Set<Integer> ids = ids(assigned);
                if (!ids.isEmpty()) {
                    hooks.beforeTakingOver(ids);
                    owned.addAll(ids);
                    Log.infof("Took over source shards %s of %d", ids, partitions);
                }
                firstAssignment.countDown();
            }
        });
        thread = new Thread(this::run, "earshot-source-ownership");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!firstAssignment.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warnf("No share of the sources assigned within %s; polling starts when Kafka assigns one", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(250)); // no records: polling keeps the membership alive
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            Log.errorf(e, "Left the source-sharing group; this replica polls nothing until restarted");
        } finally {
            owned.clear();
            consumer.close(Duration.ofSeconds(5)); // leaves the group at once: the others take over now
        }
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
        if (consumer != null) {
            consumer.wakeup();
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
