package dev.earshot.alert.notification;

import dev.earshot.events.Alert;
import dev.earshot.events.Contribution;
import dev.earshot.events.Rating;
import dev.earshot.events.RecoveryGuidance;
import dev.earshot.events.ScoredMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an incident email shows, worked out once so the HTML and the text part say the same. All
 * strings here are plain text: the templates escape them (HTML part) or show them as written.
 *
 * @param headline  why this email now: first alert, update, re-opened, escalated
 * @param figures   the rule's figures against the baseline, as "name: value"
 * @param others    the other worst mentions after the lead one
 * @param ackLink   the signed acknowledge link, or null
 * @param consoleLink the incident's page in the console, or null when no console address is set
 * @param owner     who the incident is assigned to, or null
 * @param latestNote the newest note staff wrote on it (untrusted text), or null
 */
public record AlertView(String subject, String severity, String cause, String headline, List<String> drivers,
        String rating, String score, String link, List<String> figures, List<String> aspects, String reach,
        String reachBasis, List<MentionView> others, String ackLink, String consoleLink, String owner,
        Alert.Note latestNote) {

    private static final int MAX_DRIVERS = 6;

    /** One more mention of the incident, shown briefly. */
    public record MentionView(String title, String text, String source, String rating, String score, String link) {
    }

    public static AlertView of(Alert alert) {
        return of(alert, Notification.Purpose.OPENED, null);
    }

    public static AlertView of(Alert alert, Notification.Purpose purpose, String ackLink) {
        return of(alert, purpose, ackLink, null);
    }

    /** What staff should do, the same steps in every email and in the console's reply draft. */
    public List<String> guidance() {
        return RecoveryGuidance.STEPS;
    }

    public static AlertView of(Alert alert, Notification.Purpose purpose, String ackLink, String consoleLink) {
        ScoredMention lead = alert.mentions().get(0);
        String severity = alert.severity().name();
        String cause = cause(alert.kind());
        if (purpose != Notification.Purpose.OPENED && alert.reach() != null && alert.reach().complaints() > 1) {
            int n = alert.reach().complaints();
            cause = alert.kind() == Alert.Kind.INSTANT ? cause + " and " + (n - 1) + " more" : cause + " (" + n
                    + " so far)";
        }
        String base = severity + " · " + alert.brand().name() + ": " + cause;
        int count = alert.why().figures() != null && alert.why().figures().containsKey("count")
                ? alert.why().figures().get("count").intValue() : alert.mentions().size();
        String subject = switch (purpose) {
            case UPDATED -> "[Earshot] Update · " + base;
            case REOPENED -> "[Earshot] Re-opened · " + base;
            case ESCALATED -> "[Earshot] ESCALATED · " + base;
            default -> "[Earshot] " + base;
        };
        String headline = switch (purpose) {
            case UPDATED -> "Update to an open incident (revision " + alert.revision() + ").";
            case REOPENED -> "This incident had been " + "closed or acknowledged, and it is growing again.";
            case ESCALATED -> "Nobody has acknowledged this HIGH incident yet: it is escalated to you.";
            default -> alert.kind() == Alert.Kind.INSTANT ? "One mention needs a person now."
                    : count + " negative mentions call for a look.";
        };
        List<String> drivers = lead.explanation().stream().limit(MAX_DRIVERS).map(AlertView::driver).toList();
        List<String> figures = new ArrayList<>();
        if (alert.why().figures() != null) {
            for (Map.Entry<String, Double> e : alert.why().figures().entrySet()) {
                figures.add(e.getKey() + ": " + number(e.getValue()));
            }
        }
        List<String> aspects = alert.topAspects() == null ? List.of()
                : alert.topAspects().stream().map(a -> a.aspect() + " (" + a.count() + ")").toList();
        String reach = alert.reach() == null ? null : String.format(Locale.ROOT,
                "about %,d to %,d people may have heard of it (%d public complaint%s, about %,d silent unhappy customers)",
                alert.reach().peopleToldLow(), alert.reach().peopleToldHigh(), alert.reach().complaints(),
                alert.reach().complaints() == 1 ? "" : "s", alert.reach().silentUnhappy());
        List<MentionView> others = alert.mentions().stream().skip(1).map(m -> new MentionView(m.mention().title(),
                m.mention().text(), m.mention().source().id(), rating(m.mention().rating()), score(m.score()),
                safeLink(m.mention().url()))).toList();
        return new AlertView(subject, severity, cause, headline, drivers, rating(lead.mention().rating()),
                score(lead.score()), safeLink(lead.mention().url()), figures, aspects, reach,
                alert.reach() == null ? null : alert.reach().basis(), others, safeLink(ackLink), safeLink(consoleLink),
                alert.assignee(), alert.notes() == null || alert.notes().isEmpty() ? null
                        : alert.notes().get(alert.notes().size() - 1));
    }

    static String cause(Alert.Kind kind) {
        return switch (kind) {
            case INSTANT -> "a strongly negative mention";
            case SPIKE -> "a spike of negative mentions";
            case DRIFT -> "sentiment drifting down";
        };
    }

    /** Only http(s) links are shown: a hostile feed could otherwise plant a {@code javascript:} link. */
    static String safeLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%+.2f", score);
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e12) {
            return String.valueOf((long) d);
        }
        return Math.abs(d) < 0.001 ? String.format(Locale.ROOT, "%.1e", d) : String.format(Locale.ROOT, "%.3f", d);
    }

    private static String driver(Contribution c) {
        return String.format(Locale.ROOT, "\"%s\" (%s, %+.2f)", c.term(), c.rule(), c.weight());
    }

    static String rating(Rating rating) {
        if (rating == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%s of %s", trim(rating.value()), trim(rating.best()));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
