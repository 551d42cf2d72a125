package dev.earshot.alert.notification;

import dev.earshot.events.Alert;
import dev.earshot.events.Contribution;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import java.util.List;
import java.util.Locale;

/** What an alert email shows, worked out once so both the HTML and the text part say the same. */
public record AlertView(String subject, String severity, String cause, List<String> drivers, String rating,
        String score, String link) {

    private static final int MAX_DRIVERS = 6;

    public static AlertView of(Alert alert) {
        ScoredMention lead = alert.mentions().get(0);
        String severity = alert.severity().name();
        String cause = switch (alert.kind()) {
            case INSTANT -> "a strongly negative mention";
            case SPIKE -> "a spike of negative mentions";
            case DRIFT -> "sentiment drifting down";
        };
        String subject = "[Earshot] " + severity + " · " + alert.brand().name() + ": " + cause;
        List<String> drivers = lead.explanation().stream().limit(MAX_DRIVERS).map(AlertView::driver).toList();
        return new AlertView(subject, severity, cause, drivers, rating(lead.mention().rating()),
                String.format(Locale.ROOT, "%+.2f", lead.score()), safeLink(lead.mention().url()));
    }

    /** Only http(s) links are shown: a hostile feed could otherwise plant a {@code javascript:} link. */
    static String safeLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    private static String driver(Contribution c) {
        return String.format(Locale.ROOT, "\"%s\" (%s, %+.2f)", c.term(), c.rule(), c.weight());
    }

    private static String rating(Rating rating) {
        if (rating == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%s of %s", trim(rating.value()), trim(rating.best()));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
