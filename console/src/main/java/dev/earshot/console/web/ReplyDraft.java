package dev.earshot.console.web;

import dev.earshot.console.store.IncidentRow;
import dev.earshot.events.RecoveryGuidance;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A reply to post where the customer wrote, built from what the incident's mentions complain about (its top aspects,
 * else its cause) in the order of the recovery guidance (alert-service's emails list the same steps,
 * {@link RecoveryGuidance}): the apology first, in plain words; one concrete next step with a time; something extra,
 * and a follow-up. Plain text for a textarea: the page escapes it.
 *
 * @param text      the draft, to copy
 * @param guidance  the steps it follows
 */
public record ReplyDraft(String text, List<String> guidance) {

    /** An aspect as a customer would say it, and the next step that answers it. */
    private record Answer(String what, String step) {
    }

    private static final Map<String, Answer> ANSWERS = Map.of(
            "delivery", new Answer("your order arriving late and not as it should",
                    "We are checking your order with our delivery team today and will tell you by tomorrow what went"
                            + " wrong and what we changed."),
            "waiting", new Answer("the long wait",
                    "We are looking at how we staff the busy hours this week, and we will tell you what we change."),
            "staff", new Answer("how you were treated",
                    "The manager is talking with the team on shift today, and will get back to you personally."),
            "quality", new Answer("what you got, which was not good enough",
                    "We are checking what went wrong with it today and will write back to you by tomorrow."),
            "price", new Answer("what you were charged",
                    "We are checking your bill today, and if we charged you wrongly we will pay it back."),
            "billing", new Answer("what you were charged",
                    "We are checking your bill today, and if we charged you wrongly we will pay it back."),
            "cleanliness", new Answer("the state of the place",
                    "We have asked for a full clean today and will check it ourselves."));

    private static final Answer GENERAL = new Answer("your experience",
            "We are looking into what happened today and will write back to you by tomorrow with what we changed.");

    public static ReplyDraft of(IncidentRow incident) {
        List<String> aspects = incident.topAspects() == null ? List.of() : incident.topAspects();
        Answer answer = aspects.stream().map(a -> ANSWERS.get(a.toLowerCase(Locale.ROOT))).filter(a -> a != null)
                .findFirst().orElse(GENERAL);
        String brand = incident.brandName();
        String text = "We are sorry about " + answer.what() + ". That is not what you should get from " + brand
                + ", and thank you for telling us.\n\n"
                + answer.step() + "\n\n"
                + "As a thank-you for your patience, we would like to make it up to you: send us a message with your"
                + " name and we will arrange [something extra: a refund, a voucher, your next visit on us]. We will"
                + " also let you know here once it is fixed.\n\n"
                + "[Your name], " + brand;
        return new ReplyDraft(text, RecoveryGuidance.STEPS);
    }
}
