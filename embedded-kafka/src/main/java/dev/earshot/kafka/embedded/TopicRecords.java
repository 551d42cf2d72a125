package dev.earshot.kafka.embedded;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Facts about what a topic holds, for tests that assert "nothing more was published". */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** How many records were ever written to the topic (the sum of its partitions' end offsets). */
    public static long count(KafkaCompanion kafka, String topic) {
        TopicDescription description = kafka.topics().waitForTopic(topic).await().atMost(Duration.ofSeconds(30));
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return kafka.offsets().list(latest).values().stream().mapToLong(o -> o.offset()).sum();
    }
}
