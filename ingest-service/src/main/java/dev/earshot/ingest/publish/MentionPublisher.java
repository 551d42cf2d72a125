package dev.earshot.ingest.publish;

import dev.earshot.events.Mention;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Puts mentions on the {@code mentions} topic keyed by brand id, and returns only once Kafka has
 * acknowledged every one of them: a mention is remembered as published only after its ack.
 */
@ApplicationScoped
public class MentionPublisher {

    /** Outgoing channel, mapped to topic {@link dev.earshot.events.Topics#MENTIONS}. */
    public static final String CHANNEL = "mentions";

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final MutinyEmitter<Record<String, Mention>> emitter;
    private final PublishedMentions published;

    public MentionPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, Mention>> emitter,
            PublishedMentions published) {
        this.emitter = emitter;
        this.published = published;
    }

    /**
     * Publishes the mentions not yet published and waits for Kafka's acks.
     *
     * @return how many were new
     * @throws RuntimeException when Kafka did not acknowledge them; none of them is then remembered,
     *                          so the next poll tries again
     */
    public int publishNew(List<Mention> mentions) {
        List<Mention> fresh = mentions.stream().filter(published::isNew)
                .distinct().toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> sends = fresh.stream()
                .map(m -> emitter.send(Record.of(m.brand().id(), m))).toList();
        Uni.join().all(sends).andCollectFailures().await().atMost(ACK_TIMEOUT);
        fresh.forEach(published::remember);
        return fresh.size();
    }
}
