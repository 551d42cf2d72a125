package dev.earshot.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every consumer group on the broker (found through the admin client, so a new group is watched
 * without being named here): its committed offsets and its lag (records it has not committed, not
 * counting transaction markers), sampled while a run goes on, and the longest time each group had
 * lag without committing.
 */
final class OffsetWatch implements AutoCloseable {

    /** A group with lag that commits nothing for longer than this has stopped. */
    static final Duration MAX_STALL = Duration.ofMinutes(2);

    record GroupLag(String group, long committed, long lag) {
    }

    /** Up to this many offsets of lag on a partition are read to see whether they hold records at all. */
    private static final long LAG_READ_LIMIT = 100;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final CommitStalls stalls = new CommitStalls();
    /** Partitions each group was ever seen to own: a group whose consumer died owes them still. */
    private final Map<String, Set<TopicPartition>> owned = new ConcurrentHashMap<>();

    OffsetWatch(String bootstrap) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 20_000,
                "default.api.timeout.ms", 30_000));
        this.reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /** One sample of every group, remembered for {@link #longestStalls()}. */
    synchronized List<GroupLag> sample() {
        List<GroupLag> lags = lags();
        long now = System.currentTimeMillis();
        lags.forEach(l -> stalls.record(l.group(), now, l.committed(), l.lag()));
        return lags;
    }

    synchronized Map<String, Duration> longestStalls() {
        return stalls.longest();
    }

    /** Sum of the latest offsets of a topic's partitions: how many records it has had. */
    long endOffsets(String topic) {
        try {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toSet());
            return ends(partitions).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** Each group's committed offsets and lag now, by group id. */
    List<GroupLag> lags() {
        try {
            // A group that never committed is gone from the list once its consumer is: keep watching it.
            Set<String> groups = new java.util.TreeSet<>(owned.keySet());
            for (GroupListing listing : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(30, TimeUnit.SECONDS)) {
                groups.add(listing.groupId());
            }
            List<GroupLag> out = new ArrayList<>();
            for (String group : groups) {
                out.add(lagOf(group));
            }
            out.sort(java.util.Comparator.comparing(GroupLag::group));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the consumer groups", e);
        }
    }

    private GroupLag lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
        List<MemberDescription> members = List.of();
        try {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            members = List.copyOf(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(30, TimeUnit.SECONDS).members());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
            // gone: it has neither offsets nor members, only what it owned
        }
        // A group that never committed still owes what its members were given, even once they are gone.
        Set<TopicPartition> partitions = owned.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet());
        partitions.addAll(committed.keySet());
        members.forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
        Map<TopicPartition, Long> end = ends(partitions);
        long lag = 0;
        long sum = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long at = c == null ? 0 : c.offset();
            sum += at;
            long behind = Math.max(0, end.getOrDefault(tp, 0L) - at);
            lag += behind > 0 && behind <= LAG_READ_LIMIT ? recordsBetween(tp, at, at + behind) : behind;
        }
        return new GroupLag(group, sum, lag);
    }

    /**
     * The records a read_committed reader gets between two offsets. A consumer of a topic written in
     * transactions that commits the offset after its last record stays one offset short of the end
     * for good (the commit marker): that is no lag, and only reading tells it apart from a record.
     */
    private synchronized long recordsBetween(TopicPartition tp, long from, long to) {
        reader.assign(List.of(tp));
        reader.seek(tp, from);
        long records = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reader.position(tp) < to && System.nanoTime() < deadline) {
            for (var r : reader.poll(Duration.ofMillis(200))) {
                if (r.offset() < to) {
                    records++;
                }
            }
        }
        return reader.position(tp) < to ? to - from : records;
    }

    /** Latest offsets a read_committed consumer can reach (services read what was committed). */
    private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> specs = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
