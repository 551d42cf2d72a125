package dev.earshot.alert.notification;

import dev.earshot.alert.catalog.BrandCatalog;
import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.notification.AckTokens;
import dev.earshot.events.Alert;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.ScoredMention;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The email channel: incident alerts, updates and escalations, LOW digests and "monitor broken"
 * emails, each with an HTML and a text part and every piece of mention text escaped.
 */
@ApplicationScoped
public class AlertMailer implements Channel {

    /** Headers naming what an email is about, so tests and mail filters can tell alerts apart. */
    public static final String INCIDENT_HEADER = "X-Earshot-Incident";
    public static final String REVISION_HEADER = "X-Earshot-Revision";
    public static final String DELIVERY_HEADER = "X-Earshot-Delivery";

    private final BrandCatalog catalog;
    private final AckTokens ackTokens;
    private final String publicUrl;
    private final Duration sendTimeout;
    private final Clock clock = Clock.systemUTC();
    private final ConsoleLinks consoleLinks;

    public AlertMailer(BrandCatalog catalog, AckTokens ackTokens, AlertConfig config, ConsoleLinks consoleLinks) {
        this.catalog = catalog;
        this.ackTokens = ackTokens;
        this.consoleLinks = consoleLinks;
        this.publicUrl = config.notifications().publicUrl().replaceAll("/+$", "");
        this.sendTimeout = config.notifications().sendTimeout();
    }

    @CheckedTemplate(basePath = "AlertEmails")
    static class Templates {
        /** {@code templates/AlertEmails/alert.html} and {@code alert.txt}. */
        static native MailTemplateInstance alert(Alert alert, ScoredMention lead, AlertView view);

        static native MailTemplateInstance digest(String subject, String brandName, List<Alert> alerts);

        static native MailTemplateInstance monitor(String subject, MonitorEvent event, String status,
                String explanation);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean appliesTo(Notification n) {
        return !recipients(n).isEmpty();
    }

    /** Who is told: severity and purpose decide (escalations to the escalation list, monitors to operators). */
    public List<String> recipients(Notification n) {
        return switch (n.purpose()) {
            case ESCALATED -> catalog.escalation(n.brandId());
            case MONITOR -> catalog.operators();
            case DIGEST -> catalog.recipients(n.brandId());
            default -> catalog.recipients(n.brandId(), n.alert().topAspects() == null ? List.of()
                    : n.alert().topAspects().stream().map(Alert.AspectCount::aspect).toList());
        };
    }

    @Override
    public void deliver(Notification n, String deliveryId) {
        List<String> to = recipients(n);
        Mail headers = new Mail().addHeader(DELIVERY_HEADER, MailHeaders.value(deliveryId))
                .addHeader("Message-ID", messageId(deliveryId));
        MailTemplateInstance mail;
        String subject;
        switch (n.purpose()) {
            case DIGEST -> {
                String brandName = n.digest().isEmpty() ? n.brandId() : n.digest().get(0).brand().name();
                subject = "[Earshot] Digest · " + brandName + ": " + n.digest().size() + " low-severity alert"
                        + (n.digest().size() == 1 ? "" : "s");
                mail = Templates.digest(subject, brandName, n.digest()).mail(headers);
            }
            case MONITOR -> {
                MonitorEvent e = n.monitor();
                String status = e.status().name().toLowerCase();
                subject = "[Earshot] Monitor broken · source " + e.sourceId() + " is " + status;
                String explanation = e.status() == MonitorEvent.Status.SILENT
                        ? "The source answers, but its page suddenly yields no reviews: its layout has probably changed."
                        : "Polling the source keeps failing.";
                mail = Templates.monitor(subject, e, status, explanation).mail(headers);
            }
            default -> {
                Alert alert = n.alert();
                String ack = ackTokens == null ? null
                        : publicUrl + "/ack/" + ackTokens.issue(alert.incidentId(), alert.brand().id(), alert.revision(),
                                clock.instant());
                AlertView view = AlertView.of(alert, n.purpose(), ack,
                        consoleLinks.incident(alert.incidentId()).orElse(null));
                subject = view.subject();
                headers.addHeader(INCIDENT_HEADER, MailHeaders.value(alert.incidentId()))
                        .addHeader(REVISION_HEADER, String.valueOf(alert.revision()));
                mail = Templates.alert(alert, alert.mentions().get(0), view).mail(headers);
            }
        }
        mail.to(to.toArray(String[]::new)).subject(MailHeaders.value(subject)).send().await().atMost(sendTimeout);
    }

    /** The same delivery always has the same Message-ID, so a resend after a crash is recognisable as one. */
    static String messageId(String deliveryId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@earshot.alerts>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
