package dev.earshot.ingest.source;

import dev.earshot.events.CatalogFile;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.MalformedEventException;
import dev.earshot.ingest.publish.KafkaClients;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The changes made over the API before the catalog was public: ingest-service kept them in its own topic
 * {@value #OLD_TOPIC}, on top of the file. When {@code catalog} is still empty they are carried over once, each with
 * the fileHash of the file entry it edits (so it still wins over that entry until the entry changes, as before).
 * The old topic is left as it was; it can be deleted once every replica runs this version.
 */
final class CatalogCarryOver {

    static final String OLD_TOPIC = "earshot-ingest-catalog";

    private CatalogCarryOver() {
    }

    /** The old topic's latest record per key, as catalog records; empty when there is no old topic. */
    static List<CatalogRecord> records(KafkaClients kafka, CatalogFile file, Duration timeout) {
        Map<String, String> hashes = new HashMap<>();
        if (file != null) {
            file.records().forEach(r -> hashes.put(r.key(), r.fileHash()));
        }
        Map<String, String> latest = readAll(kafka, timeout);
        List<CatalogRecord> out = new ArrayList<>();
        latest.forEach((key, value) -> {
            try {
                CatalogRecord r = CatalogRecord.read(key, value);
                String hash = hashes.get(key);
                out.add(r instanceof CatalogRecord.BrandSet b ? new CatalogRecord.BrandSet(b.brand().withFileHash(hash))
                        : r instanceof CatalogRecord.SourceSet s ? new CatalogRecord.SourceSet(s.source().withFileHash(hash))
                        : new CatalogRecord.Removal(key, hash));
            } catch (MalformedEventException e) { // it was refused then too
                Log.warnf("Not carrying over %s from %s: %s", key, OLD_TOPIC, e.getMessage());
            }
        });
        return out;
    }

    private static Map<String, String> readAll(KafkaClients kafka, Duration timeout) {
        try (var admin = kafka.admin()) {
            if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(OLD_TOPIC)) {
                return Map.of();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics to find " + OLD_TOPIC + ": " + e.getMessage(), e);
        }
        Map<String, String> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> c = kafka.reader("earshot-ingest-catalog-carry-over")) {
            List<TopicPartition> parts = c.partitionsFor(OLD_TOPIC, timeout).stream()
                    .map(p -> new TopicPartition(OLD_TOPIC, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + OLD_TOPIC + " within " + timeout);
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null) {
                        latest.remove(r.key());
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        return latest;
    }
}
