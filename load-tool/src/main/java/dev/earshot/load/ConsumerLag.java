package dev.earshot.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group is behind on a topic, from its committed offsets. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    static long of(String bootstrap, String group, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata c = committed.get(end.getKey());
                lag += end.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of " + group, e);
        }
    }

    /** Waits until the group has caught up; returns how long that took. */
    static Duration awaitZero(String bootstrap, String group, String topic, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        while (of(bootstrap, group, topic) > 0 && System.nanoTime() - start < timeout.toNanos()) {
            Thread.sleep(250);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
