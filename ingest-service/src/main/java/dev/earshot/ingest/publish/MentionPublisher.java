package dev.earshot.ingest.publish;

import dev.earshot.events.EventJson;
import dev.earshot.events.Ids;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.Mention;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts new mentions on {@link Topics#MENTIONS} keyed by brand id, and returns only once Kafka has
 * acknowledged every one; only then are they recorded as published. A crash between the two
 * republishes those mentions once (same id and content hash, which readers keep once) — never loses one.
 * A mention Kafka refuses for good (larger than the cluster takes, though texts are capped) is
 * logged and counted with its reason and recorded as published, so it neither fails the poll of
 * the other items nor is tried again on every poll; an edit of it (a new content hash) is tried again.
 * A mention whose ids break the contract ({@code dev.earshot.events.Ids}) is never sent: it is refused
 * and counted the same way, and not recorded (its ids are not fit for a marker key either).
 */
public final class MentionPublisher {

    private final AckedSender sender;
    private final PublishedStore published;
    private final MeterRegistry registry;

    /**
     * What one publish did.
     *
     * @param published how many new mentions Kafka acknowledged
     * @param refused   the mentions Kafka refused for good, with the reason
     */
    public record Outcome(int published, Map<Mention, String> refused) {
    }

    public MentionPublisher(AckedSender sender, PublishedStore published, MeterRegistry registry) {
        this.sender = sender;
        this.published = published;
        this.registry = registry;
    }

    /** The mentions not yet published in this version. */
    public List<Mention> fresh(List<Mention> mentions) {
        return mentions.stream().filter(published::isNew).distinct().toList();
    }

    /**
     * Publishes the mentions not yet published and waits for Kafka's acks.
     *
     * @return how many were new and are now on Kafka
     * @throws RuntimeException when Kafka did not acknowledge them; none of them is then recorded,
     *                          so the next poll tries again
     */
    public int publishNew(List<Mention> mentions) {
        return publish(mentions).published();
    }

    /** As {@link #publishNew}, and says which mentions Kafka refused. */
    public Outcome publish(List<Mention> mentions) {
        List<Mention> fresh = fresh(mentions);
        // Still there: keep them known past the retention (a marker write, no mention).
        published.markPublished(published.dueForRefresh(mentions));
        if (fresh.isEmpty()) {
            return new Outcome(0, Map.of());
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Map<ProducerRecord<String, byte[]>, Mention> byRecord = new IdentityHashMap<>();
        Map<Mention, String> refused = new LinkedHashMap<>();
        List<Mention> sendable = new ArrayList<>();
        for (Mention m : fresh) {
            byte[] json;
            try {
                json = EventJson.write(m);
            } catch (MalformedEventException e) { // the contract's writer check: this mention must not leave the service
                refused.put(m, e.getMessage());
                count(m, "invalid");
                Log.warnf("Not publishing mention %s of source %s: %s", Ids.quoted(m.id()),
                        Ids.quoted(m.source() == null ? null : m.source().id()), e.getMessage());
                continue;
            }
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.MENTIONS, m.brand().id(), json);
            records.add(r);
            byRecord.put(r, m);
            sendable.add(m);
        }
        for (AckedSender.Refused r : sender.send(records)) {
            Mention m = byRecord.get(r.record());
            refused.put(m, r.reason());
            count(m, reasonKind(r));
            Log.warnf("Kafka refused mention %s of brand %s from source %s (%d bytes, %s); recorded so it is not tried "
                    + "again until it is edited: %s", m.id(), m.brand().id(), m.source().id(), r.record().value().length,
                    m.url() == null ? "no link" : m.url(), r.reason());
        }
        published.markPublished(sendable); // the ones Kafka refused too: their reason is logged and counted, not retried each poll
        return new Outcome(fresh.size() - refused.size(), refused);
    }

    private void count(Mention m, String reason) {
        registry.counter("earshot.ingest.mentions.refused", "source", m.source() == null ? "" : String.valueOf(m.source().id()),
                "reason", reason).increment();
    }

    private static String reasonKind(AckedSender.Refused r) {
        return r.tooLarge() ? "too_large" : "invalid";
    }
}
