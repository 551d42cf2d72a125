package dev.earshot.ingest.publish;

import dev.earshot.events.Mention;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What was already published, kept in Kafka so that neither a restart nor a second replica
 * republishes old reviews: the compacted topic {@value #TOPIC} holds, per (brand, mention id),
 * the content hash last published. Every replica reads it whole at start and keeps following it.
 * A review naming two brands is two mentions with one id, so the key is brand + id; an edited
 * review has a new content hash and is published again.
 *
 * <p>Markers are kept for {@code retention} since the mention was last seen: the topic deletes
 * older segments ({@code cleanup.policy=compact,delete}), this map drops older entries, and a
 * mention still seen when its marker is half that old has its marker written again, so a review
 * that stays on a page is never republished; one that disappears for longer than the retention
 * and comes back is published once more.
 */
public final class PublishedStore implements AutoCloseable {

    /** Compacted; key {@code <brand id>/<mention id>}, value the content hash last published. */
    public static final String TOPIC = "earshot-ingest-published";
    static final int PARTITIONS = 6;

    /** How often the map is swept for markers older than the retention. */
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    /** The content hash last published and when (epoch ms) it was written. */
    private record Marker(String hash, long atMs) {
    }

    private final Map<String, Marker> markers = new ConcurrentHashMap<>();
    private final CompactedTopicView view;
    private final AckedSender sender;
    private final Duration retention;
    private final Clock clock;
    private final AtomicLong lastPruneMs = new AtomicLong();

    public PublishedStore(KafkaClients kafka, AckedSender sender, Duration retention, Clock clock) {
        this.sender = sender;
        this.retention = retention;
        this.clock = clock;
        this.view = new CompactedTopicView(kafka, TOPIC, (key, hash, atMs) -> {
            if (hash == null) {
                markers.remove(key);
            } else if (atMs >= clock.millis() - retention.toMillis()) {
                markers.put(key, new Marker(hash, atMs));
            }
            pruneNowAndThen();
        });
    }

    /** The topic's configs: compacted, and segments older than the retention deleted. */
    public static Map<String, String> topicConfigs(Duration retention) {
        return Map.of("cleanup.policy", "compact,delete", "retention.ms", String.valueOf(retention.toMillis()));
    }

    /** Starts reading the markers (from the beginning) and keeps following them. */
    public void start() {
        view.start();
    }

    /** Waits until what other replicas published so far is known here (before taking over their sources). */
    public void awaitCaughtUp(Duration timeout) {
        view.awaitCaughtUp(timeout);
    }

    /** True when this version of the mention has not been published (within the retention). */
    public boolean isNew(Mention mention) {
        Marker m = markers.get(key(mention));
        return m == null || !m.hash().equals(mention.contentHash());
    }

    /** The mentions already published whose marker is half the retention old: written again, they stay known. */
    public List<Mention> dueForRefresh(List<Mention> seen) {
        long threshold = clock.millis() - retention.toMillis() / 2;
        return seen.stream().filter(m -> {
            Marker marker = markers.get(key(m));
            return marker != null && marker.hash().equals(m.contentHash()) && marker.atMs() < threshold;
        }).distinct().toList();
    }

    /** Records the mentions as published, once Kafka acknowledged them; call only after the mentions' own acks. */
    public void markPublished(List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return;
        }
        sender.sendAll(mentions.stream().map(m -> new ProducerRecord<>(TOPIC, key(m),
                m.contentHash().getBytes(StandardCharsets.UTF_8))).toList());
        long now = clock.millis();
        mentions.forEach(m -> markers.put(key(m), new Marker(m.contentHash(), now)));
        pruneNowAndThen();
    }

    /** Drops the markers older than the retention, at most once per {@link #PRUNE_EVERY}. */
    private void pruneNowAndThen() {
        long now = clock.millis();
        long last = lastPruneMs.get();
        if (now - last < PRUNE_EVERY.toMillis() || !lastPruneMs.compareAndSet(last, now)) {
            return;
        }
        long oldest = now - retention.toMillis();
        markers.values().removeIf(m -> m.atMs() < oldest);
    }

    public int size() {
        return markers.size();
    }

    private static String key(Mention mention) {
        return mention.brand().id() + "/" + mention.id();
    }

    @Override
    public void close() {
        view.close();
    }
}
