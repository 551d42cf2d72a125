package dev.earshot.load;

import java.util.List;

/**
 * Whether a service's heap after GC stayed flat: the live heap at the start of the measured window
 * against the live heap at the end, with a limit of a tenth of the maximum heap.
 */
record HeapGrowth(Sample from, Sample to, long limitBytes) {

    /** Share of the maximum heap a run may grow by before it counts as a leak. */
    static final double LIMIT_FRACTION_OF_MAX = 0.10;

    /** Live heap (bytes) after a full GC, at this minute of the run. */
    record Sample(double minute, long bytes) {
    }

    /**
     * @param samples    in time order
     * @param fromMinute the start of the window (the first sample at or after it is the baseline),
     *                   so that start-up and warm-up are not counted as growth
     */
    static HeapGrowth of(List<Sample> samples, double fromMinute, long maxHeapBytes) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no heap samples");
        }
        Sample from = samples.stream().filter(s -> s.minute() >= fromMinute).findFirst()
                .orElse(samples.get(samples.size() - 1));
        return new HeapGrowth(from, samples.get(samples.size() - 1), (long) (maxHeapBytes * LIMIT_FRACTION_OF_MAX));
    }

    long growthBytes() {
        return to.bytes() - from.bytes();
    }

    boolean flat() {
        return growthBytes() <= limitBytes;
    }

    /** Growth per hour, extrapolated from the window (0 when it has no length). */
    double bytesPerHour() {
        double minutes = to.minute() - from.minute();
        return minutes <= 0 ? 0 : growthBytes() * 60 / minutes;
    }
}
