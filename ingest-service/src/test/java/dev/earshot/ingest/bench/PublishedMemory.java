package dev.earshot.ingest.bench;

import dev.earshot.events.BrandRef;
import dev.earshot.events.Mention;
import dev.earshot.events.MentionIds;
import dev.earshot.events.SourceRef;
import dev.earshot.ingest.publish.AckedSender;
import dev.earshot.ingest.publish.KafkaClients;
import dev.earshot.ingest.publish.PublishedStore;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures the heap one published marker takes in {@link PublishedStore}: heap used after a full
 * GC before and after recording {@code args[0]} (default 200,000) markers with real ids and hashes.
 * Run: see the README ("Memory").
 */
public final class PublishedMemory {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        PublishedStore store = new PublishedStore(new KafkaClients("unused:9092"), new AckedSender(producer, 1,
                Duration.ofMillis(1)), Duration.ofDays(30), Clock.systemUTC());
        long before = usedAfterGc();
        for (int start = 0; start < n; start += 1_000) {
            List<Mention> batch = new ArrayList<>();
            for (int i = start; i < Math.min(n, start + 1_000); i++) {
                String text = "Northwind review number " + i;
                batch.add(new Mention(Mention.SCHEMA_VERSION, MentionIds.id("citybites-feed", "guid-" + i, null, text),
                        MentionIds.contentHash(null, text), new BrandRef("northwind", "Northwind Coffee"),
                        new SourceRef("citybites-feed", "feed", "https://citybites.example/feed.xml"), null, null, text,
                        null, null, null, Instant.now(), List.of("northwind")));
            }
            store.markPublished(batch);
            producer.clear(); // the mock keeps what was sent; a real producer does not
        }
        long after = usedAfterGc();
        System.out.printf("%,d markers: %,d bytes of heap, %d bytes per marker (size %d)%n", n, after - before,
                (after - before) / n, store.size());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
