package dev.earshot.alert.detection;

import dev.earshot.alert.AlertConfig;
import dev.earshot.alert.messaging.AlertPublisher;
import dev.earshot.alert.notification.AlertMailer;
import dev.earshot.events.Alert;
import dev.earshot.events.ScoredMention;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a scored mention raises an alert and, when it does, records it on {@code alerts}
 * and emails the brand's people. An incident already alerted is not alerted again.
 */
@ApplicationScoped
public class AlertDecider {

    private static final int REMEMBERED_INCIDENTS = 100_000;

    private final InstantRule instantRule;
    private final AlertPublisher publisher;
    private final AlertMailer mailer;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Boolean> alerted = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_INCIDENTS;
                }
            });

    public AlertDecider(AlertConfig config, AlertPublisher publisher, AlertMailer mailer, MeterRegistry metrics) {
        this.instantRule = new InstantRule(config.instant().threshold(), config.instant().highSeverityBelow());
        this.publisher = publisher;
        this.mailer = mailer;
        this.metrics = metrics;
    }

    /** Completes once the alert, if any, is on the topic and accepted by the SMTP server. */
    public Uni<Void> handle(ScoredMention scored) {
        Optional<Alert> raised = instantRule.evaluate(scored, clock.instant());
        if (raised.isEmpty() || alerted.containsKey(raised.get().incidentId())) {
            return Uni.createFrom().voidItem();
        }
        Alert alert = raised.get();
        return publisher.publish(alert)
                .flatMap(published -> mailer.send(alert))
                .invoke(emailed -> recordSent(alert, emailed))
                .replaceWithVoid();
    }

    private void recordSent(Alert alert, boolean emailed) {
        alerted.put(alert.incidentId(), Boolean.TRUE);
        metrics.counter("earshot.alerts.raised", "brand", alert.brand().id(), "kind", alert.kind().name().toLowerCase(),
                "severity", alert.severity().name().toLowerCase()).increment();
        if (emailed) {
            metrics.counter("earshot.alerts.emails.sent", "brand", alert.brand().id()).increment();
        }
        Log.infof("Alert %s (%s, %s): %s", alert.incidentId(), alert.brand().name(), alert.severity(),
                alert.why().summary());
    }
}
