package dev.earshot.kafka.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    @Test
    void recordsSurviveABrokerRestartOnTheSameDataDir() throws Exception {
        Path dir = Files.createTempDirectory("earshot-kafka-test-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, false)) {
            broker.createTopics(2, "restart-test");
            produce(broker.bootstrapServers(), "restart-test", "k1", "before restart");
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, true)) {
            produce(broker.bootstrapServers(), "restart-test", "k2", "after restart");
            List<String> values = consumeAll(broker.bootstrapServers(), "restart-test", 2);
            assertEquals(List.of("after restart", "before restart"), values.stream().sorted().toList());
        }
    }

    static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static List<String> consumeAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    @Test
    void freePortsAreDistinct() {
        for (int i = 0; i < 200; i++) {
            int[] ports = EmbeddedKafkaBroker.freePorts(2);
            org.junit.jupiter.api.Assertions.assertNotEquals(ports[0], ports[1], "broker and controller got one port");
        }
    }
}
