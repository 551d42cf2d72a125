package dev.earshot.ingest.publish;

import dev.earshot.events.EventJson;
import dev.earshot.events.Mention;
import dev.earshot.events.Topics;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts new mentions on {@link Topics#MENTIONS} keyed by brand id, and returns only once Kafka has
 * acknowledged every one; only then are they recorded as published. A crash between the two
 * republishes those mentions once (same id and content hash, which readers keep once) — never loses one.
 */
public final class MentionPublisher {

    private final AckedSender sender;
    private final PublishedStore published;

    public MentionPublisher(AckedSender sender, PublishedStore published) {
        this.sender = sender;
        this.published = published;
    }

    /** The mentions not yet published in this version. */
    public List<Mention> fresh(List<Mention> mentions) {
        return mentions.stream().filter(published::isNew).distinct().toList();
    }

    /**
     * Publishes the mentions not yet published and waits for Kafka's acks.
     *
     * @return how many were new
     * @throws RuntimeException when Kafka did not acknowledge them; none of them is then recorded,
     *                          so the next poll tries again
     */
    public int publishNew(List<Mention> mentions) {
        List<Mention> fresh = fresh(mentions);
        if (fresh.isEmpty()) {
            return 0;
        }
        sender.sendAll(fresh.stream()
                .map(m -> new ProducerRecord<>(Topics.MENTIONS, m.brand().id(), EventJson.write(m))).toList());
        published.markPublished(fresh);
        return fresh.size();
    }
}
