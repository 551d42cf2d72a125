package dev.earshot.ingest.publish;

import dev.earshot.events.Mention;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What was already published, kept in Kafka so that neither a restart nor a second replica
 * republishes old reviews: the compacted topic {@value #TOPIC} holds, per (brand, mention id),
 * the content hash last published. Every replica reads it whole at start and keeps following it.
 * A review naming two brands is two mentions with one id, so the key is brand + id; an edited
 * review has a new content hash and is published again.
 */
public final class PublishedStore implements AutoCloseable {

    /** Compacted; key {@code <brand id>/<mention id>}, value the content hash last published. */
    public static final String TOPIC = "earshot-ingest-published";
    static final int PARTITIONS = 6;

    private final Map<String, String> contentHashByKey = new ConcurrentHashMap<>();
    private final CompactedTopicView view;
    private final AckedSender sender;

    public PublishedStore(KafkaClients kafka, AckedSender sender) {
        this.sender = sender;
        this.view = new CompactedTopicView(kafka, TOPIC, (key, hash) -> {
            if (hash == null) {
                contentHashByKey.remove(key);
            } else {
                contentHashByKey.put(key, hash);
            }
        });
    }

    /** Starts reading the markers (from the beginning) and keeps following them. */
    public void start() {
        view.start();
    }

    /** Waits until what other replicas published so far is known here (before taking over their sources). */
    public void awaitCaughtUp(Duration timeout) {
        view.awaitCaughtUp(timeout);
    }

    /** True when this version of the mention has not been published. */
    public boolean isNew(Mention mention) {
        return !mention.contentHash().equals(contentHashByKey.get(key(mention)));
    }

    /** Records the mentions as published, once Kafka acknowledged them; call only after the mentions' own acks. */
    public void markPublished(List<Mention> mentions) {
        sender.sendAll(mentions.stream().map(m -> new ProducerRecord<>(TOPIC, key(m),
                m.contentHash().getBytes(StandardCharsets.UTF_8))).toList());
        mentions.forEach(m -> contentHashByKey.put(key(m), m.contentHash()));
    }

    public int size() {
        return contentHashByKey.size();
    }

    private static String key(Mention mention) {
        return mention.brand().id() + "/" + mention.id();
    }

    @Override
    public void close() {
        view.close();
    }
}
