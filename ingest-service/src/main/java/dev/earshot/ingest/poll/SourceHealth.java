package dev.earshot.ingest.poll;

import dev.earshot.events.MonitorEvent;
import java.util.Locale;

/**
 * Whether one source works, as its monitor events tell it: {@link MonitorEvent.Status#FAILING} after N polls in a
 * row failed, {@link MonitorEvent.Status#SILENT} when a page or json source that had items answers with none, and
 * {@link MonitorEvent.Status#RECOVERED} once a poll works again. Each change is reported once: the methods return
 * the status to raise, or null when nothing changed. Not thread-safe; the caller holds the source's lock.
 */
final class SourceHealth {

    private final int failuresBeforeBroken;
    /** The status last raised and not yet recovered from: FAILING, SILENT, or null (ok). */
    private MonitorEvent.Status reported;
    private int consecutiveFailures;
    /** Items of the last successful poll that found any; 0 before then. */
    private int lastNonEmptyItems;

    SourceHealth(int failuresBeforeBroken) {
        this.failuresBeforeBroken = Math.max(1, failuresBeforeBroken);
    }

    /**
     * A poll that worked.
     *
     * @param changed     false when the server answered 304 (nothing read)
     * @param expectsItems a source whose answer with no item means it broke (a page read by selectors or markup)
     * @param items       items read
     * @return SILENT, RECOVERED, or null
     */
    MonitorEvent.Status succeeded(boolean changed, boolean expectsItems, int items) {
        consecutiveFailures = 0;
        if (changed && expectsItems && items == 0 && lastNonEmptyItems > 0) {
            if (reported == MonitorEvent.Status.SILENT) {
                return null;
            }
            reported = MonitorEvent.Status.SILENT;
            return reported;
        }
        if (items > 0) {
            lastNonEmptyItems = items;
        }
        // A 304 says nothing about whether a silent page has reviews again.
        if (reported != null && !(!changed && reported == MonitorEvent.Status.SILENT)) {
            reported = null;
            return MonitorEvent.Status.RECOVERED;
        }
        return null;
    }

    /** A poll that failed; returns FAILING when this failure makes N in a row, else null. */
    MonitorEvent.Status failed() {
        consecutiveFailures++;
        if (consecutiveFailures >= failuresBeforeBroken && reported != MonitorEvent.Status.FAILING) {
            reported = MonitorEvent.Status.FAILING;
            return reported;
        }
        return null;
    }

    /** FAILING, SILENT, or null when the source works. */
    MonitorEvent.Status reported() {
        return reported;
    }

    /** As the status API shows it: {@code ok}, {@code failing} or {@code silent}. */
    String label() {
        return reported == null ? "ok" : reported.name().toLowerCase(Locale.ROOT);
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    int lastNonEmptyItems() {
        return lastNonEmptyItems;
    }
}
