package dev.earshot.events;

/** A star rating as the source gave it: {@code value} out of {@code best} (e.g. 1 of 5). */
public record Rating(double value, double best) {

    /** The rating on a 0..1 scale, so ratings from different scales compare. */
    public double normalized() {
        return best <= 0 ? 0 : Math.max(0, Math.min(1, value / best));
    }
}
