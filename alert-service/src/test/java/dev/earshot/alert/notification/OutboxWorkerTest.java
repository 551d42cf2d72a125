package dev.earshot.alert.notification;

import dev.earshot.events.KafkaConnection;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.messaging.DeadLetters;
import dev.earshot.alert.support.RecordingChannel;
import dev.earshot.alert.support.TestConfig;
import dev.earshot.events.EventJson;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.Topics;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery worker against the real broker: where it starts, and that a restart or a repeat sends nothing twice. */
class OutboxWorkerTest {

    static final String APP = "outbox-worker-test";

    EmbeddedKafkaBroker broker;
    final RecordingChannel email = new RecordingChannel();
    final AlertConfig config = TestConfig.with(Map.of("earshot.alert.streams.application-id", APP,
            "earshot.alert.streams.partitions", "1", "earshot.alert.notifications.tick", "200ms"));

    @BeforeEach
    void start() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(1, Notification.TOPIC);
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void afterAnUpgradeItStartsWhereTheInStreamOutboxLeftOffAndARestartSendsNothingTwice() throws Exception {
        publish("n1", "n2", "n3");
        // The earlier version delivered n1 and n2 inside Kafka Streams and committed its group past them.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(APP, Map.of(new TopicPartition(Notification.TOPIC, 0),
                    new OffsetAndMetadata(2))).all().get();
        }
        OutboxWorker worker = worker();
        worker.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> email.deliveryIds.contains("n3#email"));
        worker.stop();
        assertEquals(List.of("n3#email"), List.copyOf(email.deliveryIds), "n1 and n2 were not sent again");

        publish("n3", "n4"); // n3 again (a replay upstream): its sent marker skips it
        OutboxWorker restarted = worker();
        restarted.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> email.deliveryIds.contains("n4#email"));
        restarted.stop();
        assertEquals(List.of("n3#email", "n4#email"), List.copyOf(email.deliveryIds));
    }

    @Test
    void itCommitsPastTheTransactionMarkersSoOperatorsSeeNoLag() throws Exception {
        // Kafka Streams writes notifications in transactions: each commit marker takes an offset.
        publishInTransaction("t1");
        publishInTransaction("t2");
        OutboxWorker worker = worker();
        worker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicPartition tp = new TopicPartition(Notification.TOPIC, 0);
            long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
            assertEquals(4, end, "two records and two commit markers");
            // What kafka-consumer-groups.sh shows as lag: the end offset minus the committed one.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(APP + "-outbox")
                        .partitionsToOffsetAndMetadata().get().get(tp);
                assertEquals(end, committed == null ? -1 : committed.offset(), "committed offset");
            });
        } finally {
            worker.stop();
        }
        assertEquals(List.of("t1#email", "t2#email"), List.copyOf(email.deliveryIds));
    }

    @Test
    void aRecordItCannotReadOrActOnIsDeadLetteredAndTheNextOneIsDeliveredOnce() throws Exception {
        broker.createTopics(1, Topics.MENTIONS_SCORED_DLQ);
        publishRaw("junk", "{not a notification");
        publishRaw("blank", " ");
        publishRaw("null", "null");
        publishRaw("no-alert", "{\"id\":\"no-alert\",\"purpose\":\"OPENED\",\"brandId\":\"acme\"}");
        publishRaw("no-purpose", "{\"id\":\"no-purpose\",\"brandId\":\"acme\"}");
        publishRaw("crlf", notification("x\r\nBcc: evil@x"));
        publish("n9");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        OutboxWorker worker = new OutboxWorker(List.of(email), config, KafkaConnection.plaintext(broker.bootstrapServers()), metrics);
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> email.deliveryIds.contains("n9#email"));
            List<ConsumerRecord<String, String>> dead = readAll(Topics.MENTIONS_SCORED_DLQ, 6);
            assertEquals(List.of("junk", "blank", "null", "no-alert", "no-purpose", "crlf"),
                    dead.stream().map(ConsumerRecord::key).toList());
            assertEquals("{not a notification", dead.get(0).value(), "as it arrived");
            String reason = new String(dead.get(3).headers().lastHeader(DeadLetters.REASON).value());
            assertTrue(reason.contains("no alert"), reason);
            assertEquals(Notification.TOPIC,
                    new String(dead.get(3).headers().lastHeader(DeadLetters.TOPIC).value()));
            assertEquals("3", new String(dead.get(3).headers().lastHeader(DeadLetters.OFFSET).value()));
            assertEquals(3.0, metrics.counter("earshot.alerts.notifications.refused", "reason", "unactionable").count());
            assertEquals(3.0, metrics.counter("earshot.alerts.notifications.refused", "reason", "unreadable").count());
        } finally {
            worker.stop();
        }
        assertEquals(List.of("n9#email"), List.copyOf(email.deliveryIds), "the good one once, nothing else");
    }

    private List<ConsumerRecord<String, String>> readAll(String topic, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(all::add);
                return all.size() >= count;
            });
        }
        return all;
    }

    private void publishRaw(String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Notification.TOPIC, key, value)).get();
        }
    }

    private OutboxWorker worker() {
        return new OutboxWorker(List.of(email), config, KafkaConnection.plaintext(broker.bootstrapServers()), new SimpleMeterRegistry());
    }

    private void publishInTransaction(String id) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "outbox-worker-test-" + id);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Notification.TOPIC, id, notification(id)));
            producer.commitTransaction();
        }
    }

    private static String notification(String id) {
        MonitorEvent event = new MonitorEvent(1, "citybites-feed", null, MonitorEvent.Status.FAILING, 5,
                "answered HTTP 503", Instant.EPOCH, Instant.EPOCH);
        return EventJson.writeString(new Notification(id, Notification.Purpose.MONITOR, null, null, List.of(), event));
    }

    private void publish(String... ids) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (String id : ids) {
                producer.send(new ProducerRecord<>(Notification.TOPIC, id, notification(id))).get();
            }
        }
    }
}
