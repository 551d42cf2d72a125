package dev.earshot.console.feedback;

import dev.earshot.console.store.FeedbackStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends again the corrections sentiment-service refused or did not answer (kept unsent in {@code mention_feedback}),
 * oldest first, and marks each with how it went. A correction that sentiment-service took but whose answer was lost
 * is sent twice: its API takes no id to recognise it by.
 */
@ApplicationScoped
public class FeedbackResend {

    /** At most this many per request: a resend is a person's click, not a batch job. */
    static final int BATCH = 100;

    private final FeedbackStore feedback;
    private final FeedbackSender sender;

    public FeedbackResend(FeedbackStore feedback, FeedbackSender sender) {
        this.feedback = feedback;
        this.sender = sender;
    }

    /** How many were tried and how many are still unsent after this. */
    public record Outcome(int tried, int stillUnsent) {
    }

    public Outcome resend() {
        int failed = 0;
        var unsent = feedback.unsent(BATCH);
        for (FeedbackStore.Unsent u : unsent) {
            String error = sender.send(u.mentionId(), FeedbackSender.scoredText(u.title(), u.text()), u.label(),
                    u.scoredLabel(), u.by());
            feedback.sent(u.id(), error == null, error);
            if (error != null) {
                failed++;
            }
        }
        return new Outcome(unsent.size(), failed);
    }
}
