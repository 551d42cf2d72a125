package dev.earshot.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;

/**
 * Times in the pages: {@code {t.iso}} for the {@code datetime} attribute (the page's script shows it in the viewer's
 * own time zone), {@code {t.ago}} for how long ago.
 */
@TemplateExtension
public final class TimeFormat {

    private TimeFormat() {
    }

    static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    static String ago(Instant t) {
        if (t == null) {
            return "";
        }
        Duration d = Duration.between(t, Instant.now());
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " days ago";
    }
}
