package dev.earshot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real broker: lag is what a reader has still to get, and every group is found. */
class OffsetWatchTest {

    private static final String TOPIC = "outbox-like";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(1, TOPIC);
        // Three records in one transaction: offsets 0-2, the commit marker at 3, the end at 4.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "k", "v" + i));
            }
            producer.commitTransaction();
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aGroupThatCommittedPastItsLastRecordHasNoLagThoughTheMarkerFollows() throws Exception {
        commit("caught-up", 3);
        assertEquals(0, lagOf("caught-up"));
    }

    @Test
    void aGroupBehindHasTheRecordsItHasNotCommittedAsLag() throws Exception {
        commit("behind", 1);
        assertEquals(2, lagOf("behind"));
    }

    @Test
    void aGroupWhoseConsumerDiedWithoutCommittingStillHasItsLag() throws Exception {
        try (OffsetWatch watch = new OffsetWatch(broker.bootstrapServers())) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "died",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.subscribe(List.of(TOPIC));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                assertEquals(3, lag(watch, "died"), "a member owns the partition and committed nothing");
            }
            // sentiment-service before issue 9: its consumer stopped, it had committed nothing
            assertEquals(3, lag(watch, "died"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.deleteConsumerGroups(List.of("died")).all().get();
            }
            assertEquals(3, lag(watch, "died"), "a group gone from the broker's list still owes its partitions");
        }
    }

    private static long lag(OffsetWatch watch, String group) {
        return watch.sample().stream().filter(l -> l.group().equals(group)).findFirst().orElseThrow().lag();
    }

    private static long lagOf(String group) {
        try (OffsetWatch watch = new OffsetWatch(broker.bootstrapServers())) {
            return watch.lags().stream().filter(l -> l.group().equals(group)).findFirst().orElseThrow().lag();
        }
    }

    private static void commit(String group, long offset) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(group, Map.of(TP, new OffsetAndMetadata(offset))).all().get();
        }
    }
}
