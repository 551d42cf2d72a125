package dev.earshot.ingest.support;

import dev.earshot.ingest.Ingest;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Starts real ingest replicas ({@link Ingest}, as the service wires it) on a real broker, and reads topics back. */
public final class BrokerIngest {

    private BrokerIngest() {
    }

    /** A replica with this catalog; settings are {@code earshot.ingest.*} keys without the prefix. */
    public static Ingest start(EmbeddedKafkaBroker broker, String catalogYaml, Map<String, String> settings, String member) {
        try {
            Path catalog = Files.createTempFile("earshot-catalog-", ".yaml");
            Files.writeString(catalog, catalogYaml);
            Map<String, String> all = new HashMap<>(Map.of("catalog-file", catalog.toString(),
                    "allow-private-networks", "true", "hosts.min-interval", "0s", "hosts.max-concurrent", "64",
                    "poll-interval", "1h"));
            all.putAll(settings);
            return new Ingest(TestConfig.ingest(all), broker.bootstrapServers(), member, Clock.systemUTC(),
                    new SimpleMeterRegistry()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record the topic holds now, in partition order. */
    public static List<ConsumerRecord<String, String>> readAll(EmbeddedKafkaBroker broker, String topic) {
        return readAll(broker.bootstrapServers(), topic);
    }

    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            // A topic nobody wrote to yet does not exist: wait briefly, not the full default.
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }
}
