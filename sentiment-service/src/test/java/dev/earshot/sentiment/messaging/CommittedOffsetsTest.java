package dev.earshot.sentiment.messaging;

import static dev.earshot.events.ContractAssert.MENTION;
import static dev.earshot.events.ContractAssert.example;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.KafkaConnection;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import dev.earshot.sentiment.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The consumer group commits what it processed: without it a restart replays the whole topic, and
 * (with SmallRye's batch channel) the channel was declared dead five minutes after start.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CommittedOffsetsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    KafkaConnection kafka;

    @Test
    void theLoopsClientsGetTheServicesKafkaSettings() {
        // %test sets kafka.client.dns.lookup; a SASL/TLS cluster's kafka.security.protocol and sasl.* travel the same way.
        assertEquals("use_all_dns_ips", kafka.properties().get("client.dns.lookup"));
        assertEquals(bootstrap, kafka.bootstrapServers());
    }

    @Test
    void afterABatchIsScoredTheGroupsOffsetOfEveryPartitionHasMovedToTheEnd() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                        new StringSerializer(), new StringSerializer())) {
            List<TopicPartition> partitions = producer.partitionsFor(Topics.MENTIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> before = committed(admin, partitions);

            String mention = example(MENTION);
            for (TopicPartition tp : partitions) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), "northwind", mention));
                }
                producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), "northwind", "not json")); // to the DLQ
            }
            producer.flush();
            Map<TopicPartition, Long> end = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertEquals(end, committed(admin, partitions),
                            "group " + ScoringKafkaClients.GROUP + " committed up to the end of each partition"));
            for (TopicPartition tp : partitions) {
                assertTrue(end.get(tp) > before.get(tp), tp + " advanced");
            }
            // What an operator sees: live, ready, and the commits and lag in the metrics.
            given().when().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("scoring-loop"));
            given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("scoring-consumer"));
            given().auth().oauth2(TestTokens.READ).when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("earshot_sentiment_commits_total"),
                            containsString("kafka_consumer_fetch_manager_records_lag_max"));
        }
    }

    /** The group's committed offset per partition, -1 where it has none. */
    private static Map<TopicPartition, Long> committed(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(ScoringKafkaClients.GROUP)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = offsets.get(tp);
            result.put(tp, o == null ? -1L : o.offset());
        }
        return result;
    }
}
