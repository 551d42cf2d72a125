package dev.earshot.sentiment.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/feedback}: "this score is wrong" from the console or a script. Answers 202 with
 * where the correction was stored once Kafka acknowledged it, 400 with every problem, 503 when
 * Kafka did not take it (nothing stored: send it again).
 */
@Path("/api/feedback")
public class FeedbackResource {

    private static final Logger LOG = Logger.getLogger(FeedbackResource.class);

    private final FeedbackPublisher publisher;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();

    public FeedbackResource(FeedbackPublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a score", description = "Takes {\"text\": …, \"label\": \"negative|neutral|positive\", "
            + "\"complaint\"?: true, \"mentionId\"?: …, \"scoredLabel\"?: …, \"by\"?: …} and stores it on the topic "
            + FeedbackPublisher.TOPIC + " for the next training run.")
    public Response correct(Feedback feedback) {
        List<String> problems = Feedback.problems(feedback);
        if (!problems.isEmpty()) {
            registry.counter("earshot.sentiment.feedback", "result", "refused", "label", "none").increment();
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", String.join("; ", problems), "problems", problems)).build();
        }
        try {
            RecordMetadata stored = publisher.publish(feedback.received(clock.instant()));
            registry.counter("earshot.sentiment.feedback", "result", "stored", "label", feedback.label()).increment();
            return Response.accepted(Map.of("topic", stored.topic(), "partition", stored.partition(), "offset", stored.offset()))
                    .type(MediaType.APPLICATION_JSON).build();
        } catch (FeedbackPublisher.PublishException e) {
            LOG.warnf("correction not stored: %s", e.getMessage());
            registry.counter("earshot.sentiment.feedback", "result", "failed", "label", feedback.label()).increment();
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "not stored, send it again: " + e.getMessage())).build();
        }
    }
}
