package dev.earshot.alert.notification;

import dev.earshot.events.Alert;
import dev.earshot.events.ScoredMention;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/** Emails an alert to the brand's recipients: an HTML and a text part, every mention's text escaped. */
@ApplicationScoped
public class AlertMailer {

    /** Headers naming what an email is about, so tests and mail filters can tell alerts apart. */
    public static final String INCIDENT_HEADER = "X-Earshot-Incident";
    public static final String REVISION_HEADER = "X-Earshot-Revision";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final RecipientDirectory recipients;

    public AlertMailer(RecipientDirectory recipients) {
        this.recipients = recipients;
    }

    @CheckedTemplate(basePath = "AlertEmails")
    static class Templates {
        /** {@code templates/AlertEmails/alert.html} and {@code alert.txt}. */
        static native MailTemplateInstance alert(Alert alert, ScoredMention lead, AlertView view);
    }

    /**
     * Sends the alert; the Uni completes when the SMTP server has accepted it.
     *
     * @return false when the brand has nobody to tell
     */
    public Uni<Boolean> send(Alert alert) {
        List<String> to = recipients.recipientsFor(alert.brand().id());
        if (to.isEmpty()) {
            Log.warnf("Alert %s for brand %s: no recipients configured, no email sent", alert.incidentId(),
                    alert.brand().id());
            return Uni.createFrom().item(false);
        }
        AlertView view = AlertView.of(alert);
        return Templates.alert(alert, alert.mentions().get(0), view)
                .mail(new Mail()
                        .addHeader(INCIDENT_HEADER, alert.incidentId())
                        .addHeader(REVISION_HEADER, String.valueOf(alert.revision())))
                .to(to.toArray(String[]::new))
                .subject(view.subject())
                .send().ifNoItem().after(SEND_TIMEOUT).fail()
                .replaceWith(true);
    }
}
