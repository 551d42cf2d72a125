package dev.earshot.alert.detection;

/**
 * Two exponentially weighted averages of a brand's sentiment scores: a fast one (the last few dozen
 * mentions) and a slow one (the last few hundred), the slow one being the baseline the drift rule
 * compares against. Public fields for the JSON store serde.
 */
public final class SentimentTrend {

    public double fast;
    public double slow;
    public long count;
    /** Set while a drift is being reported, so one fall raises one alert (hysteresis). */
    public boolean drifting;

    public void add(double score, double fastHalfLife, double slowHalfLife) {
        if (count == 0) {
            fast = score;
            slow = score;
        } else {
            fast += weight(fastHalfLife) * (score - fast);
            slow += weight(slowHalfLife) * (score - slow);
        }
        count++;
    }

    private static double weight(double halfLife) {
        return 1 - Math.pow(0.5, 1 / Math.max(1, halfLife));
    }
}
