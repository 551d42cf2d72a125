package dev.earshot.alert.detection;

import dev.earshot.events.Alert;
import dev.earshot.events.Label;
import dev.earshot.events.ScoredMention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a spike is decided: runs the instant, spike and drift rules on one scored mention against the
 * brand's history (which it updates), and says what fired. Plain logic; the incident processor keeps the
 * history in its store and turns what fired into incidents.
 */
public final class MentionRules {

    /**
     * One rule that fired.
     *
     * @param openAs the kind an incident opened by it is named after: instant when the mention alone was
     *               dangerous, even if a spike set the severity
     * @param eventMs when the mention was written ({@link #eventTime})
     */
    public record Finding(Detection detection, Alert.Kind openAs, long eventMs) {
    }

    private final InstantRule instant = new InstantRule();
    private final SpikeRule spike = new SpikeRule();
    private final DriftRule drift = new DriftRule();

    /** Counts the mention into {@code history} and returns what fired (nothing for an {@code unknown} label). */
    public List<Finding> evaluate(ScoredMention scored, long recordTimestamp, BrandHistory history,
            DetectionSettings settings) {
        if (scored.label() == Label.UNKNOWN) {
            return List.of(); // no evidence either way: neither counted nor alerted
        }
        boolean negative = scored.label() == Label.NEGATIVE;
        long eventMs = eventTime(scored, recordTimestamp);
        history.record(eventMs, negative, settings.spikeWindow().toMillis());
        history.trend.add(scored.score(), settings.driftFastHalfLife(), settings.driftSlowHalfLife());
        boolean inWindow = eventMs > history.newestMs - settings.spikeWindow().toMillis();

        Optional<Detection> single = instant.evaluate(scored, settings);
        Optional<Detection> storm = negative && inWindow ? spike.evaluate(history, settings) : Optional.empty();
        Optional<Detection> mood = drift.evaluate(history.trend, settings);

        List<Finding> found = new ArrayList<>(2);
        // Instant and spike are one cause: the first names the incident, the strongest sets its severity.
        Optional<Detection> negativeCause = single.isPresent() && storm.isPresent()
                ? Optional.of(storm.get().severity().compareTo(single.get().severity()) > 0 ? storm.get()
                        : single.get())
                : single.or(() -> storm);
        negativeCause.ifPresent(d -> found.add(new Finding(d,
                single.isPresent() ? Alert.Kind.INSTANT : Alert.Kind.SPIKE, eventMs)));
        mood.ifPresent(d -> found.add(new Finding(d, Alert.Kind.DRIFT, eventMs)));
        return found;
    }

    /**
     * When the mention was written: its {@code publishedAt} when the source gave one (never later than
     * the record), else the record's timestamp. A first crawl of a page full of old reviews, or a
     * backlog after an outage upstream, then lands in the hours the reviews were written instead of
     * looking like a storm now.
     */
    public static long eventTime(ScoredMention scored, long recordTimestamp) {
        Instant published = scored.mention().publishedAt();
        return published == null ? recordTimestamp : Math.min(published.toEpochMilli(), recordTimestamp);
    }
}
