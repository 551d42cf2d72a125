package dev.earshot.alert.detection;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The thresholds of the three rules for one brand. {@link #defaults()} is the one place each default is
 * written; the service's settings ({@code earshot.alert.instant|spike|drift.*}) override it, and the
 * brand's {@code alerting} block in the catalog overrides that ({@link #with(Overrides)}).
 *
 * @param instantThreshold     a negative complaint scored at or below this raises an instant alert
 * @param crisisThreshold      a negative mention naming a crisis term raises one already at or below this
 * @param highSeverityBelow    an instant alert scored at or below this is HIGH
 * @param lowRatingShare       a rating at or below this share of the best (1 of 5 = 0.2) makes an instant alert HIGH
 * @param crisisTerms          words that make a complaint dangerous whatever its score (lawsuit, food poisoning, ...)
 * @param spikeWindow          the sliding window in which negative mentions are counted
 * @param spikeMaxPValue       how unlikely the window's count must be under the brand's baseline to be a spike
 * @param spikeMinCount        never a spike below this many negative mentions in the window
 * @param spikeWarmup          no spike before the brand has this much history (its first day would be all surprise)
 * @param priorPerDay          negative mentions a day assumed for a brand with no history yet
 * @param priorDays            how many days of history that assumption weighs
 * @param shareMinMentions     the negative-share test needs at least this many mentions in the window
 * @param shareJump            the window's negative share must exceed the baseline share by this much
 * @param driftFastHalfLife    mentions over which the recent average sentiment halves its memory
 * @param driftSlowHalfLife    mentions over which the baseline average sentiment halves its memory
 * @param driftDrop            the recent average must fall this far below the baseline to be a drift
 * @param driftMinMentions     no drift alert before the brand has this many scored mentions
 */
public record DetectionSettings(
        double instantThreshold,
        double crisisThreshold,
        double highSeverityBelow,
        double lowRatingShare,
        List<String> crisisTerms,
        Duration spikeWindow,
        double spikeMaxPValue,
        int spikeMinCount,
        Duration spikeWarmup,
        double priorPerDay,
        double priorDays,
        int shareMinMentions,
        double shareJump,
        double driftFastHalfLife,
        double driftSlowHalfLife,
        double driftDrop,
        int driftMinMentions) {

    /** The crisis terms used when the operator names none. */
    public static final List<String> DEFAULT_CRISIS_TERMS = List.of("lawsuit", "sue", "lawyer", "food poisoning",
            "poisoning", "poisoned", "injury", "injured", "hospital", "fraud", "scam", "data breach", "hacked",
            "boycott", "discrimination", "racist", "unsafe", "recall");

    /** The defaults, the only place they are written (alert-service/README.md's table is checked against it). */
    public static DetectionSettings defaults() {
        return new DetectionSettings(-0.5, -0.2, -0.75, 0.2, DEFAULT_CRISIS_TERMS, Duration.ofMinutes(60), 1e-4, 2,
                Duration.ofHours(24), 0.5, 3, 10, 0.3, 20, 400, 0.3, 50);
    }

    public DetectionSettings {
        crisisTerms = crisisTerms.stream().map(t -> t.toLowerCase(Locale.ROOT).strip()).filter(t -> !t.isEmpty())
                .toList();
        if (spikeWindow.isNegative() || spikeWindow.isZero()) {
            throw new IllegalArgumentException("spike window must be positive");
        }
    }

    /**
     * Some thresholds set, the rest left null: the service's settings or a brand's {@code alerting} block.
     * Field names are the catalog's ({@code CatalogAlerting}), plus those only the service sets.
     */
    public record Overrides(Double instantThreshold, Double crisisThreshold, Double highSeverityBelow,
            Double lowRatingShare, List<String> crisisTerms, Duration spikeWindow, Double spikeMaxPValue,
            Integer spikeMinCount, Duration spikeWarmup, Double priorPerDay, Double priorDays,
            Integer shareMinMentions, Double shareJump, Double driftFastHalfLife, Double driftSlowHalfLife,
            Double driftDrop, Integer driftMinMentions) {

        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** These settings with whatever {@code o} sets replacing them. */
    public DetectionSettings with(Overrides o) {
        if (o == null) {
            return this;
        }
        return new DetectionSettings(or(o.instantThreshold(), instantThreshold),
                or(o.crisisThreshold(), crisisThreshold), or(o.highSeverityBelow(), highSeverityBelow),
                or(o.lowRatingShare(), lowRatingShare), or(o.crisisTerms(), crisisTerms),
                or(o.spikeWindow(), spikeWindow), or(o.spikeMaxPValue(), spikeMaxPValue),
                or(o.spikeMinCount(), spikeMinCount), or(o.spikeWarmup(), spikeWarmup),
                or(o.priorPerDay(), priorPerDay), or(o.priorDays(), priorDays),
                or(o.shareMinMentions(), shareMinMentions), or(o.shareJump(), shareJump),
                or(o.driftFastHalfLife(), driftFastHalfLife), or(o.driftSlowHalfLife(), driftSlowHalfLife),
                or(o.driftDrop(), driftDrop), or(o.driftMinMentions(), driftMinMentions));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
