package dev.earshot.alert.messaging;

import dev.earshot.alert.detection.AlertDecider;
import dev.earshot.events.EventJson;
import dev.earshot.events.ScoredMention;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code mentions-scored}. A record that is not a valid ScoredMention, or whose alert could
 * not be delivered, is nacked and lands on {@code mentions-scored-dlq} with the reason.
 */
@ApplicationScoped
public class ScoredMentionConsumer {

    /** Incoming channel, mapped to topic {@link dev.earshot.events.Topics#MENTIONS_SCORED}. */
    public static final String CHANNEL = "mentions-scored";

    private final AlertDecider decider;

    public ScoredMentionConsumer(AlertDecider decider) {
        this.decider = decider;
    }

    /** One record at a time, in order; the record is acked only once its alert is recorded and sent. */
    @Incoming(CHANNEL)
    public Uni<Void> onScoredMention(String json) {
        return Uni.createFrom().item(() -> EventJson.read(json, ScoredMention.class)).flatMap(decider::handle);
    }
}
