package dev.earshot.alert.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * What alert-service remembers about one brand to judge the next mention against: hourly counts of
 * all and of negative mentions over the last two weeks (the baseline), the timestamps of the mentions
 * in the current sliding window, and the average sentiment, recent and long-run. It lives in a
 * changelog-backed Kafka Streams store, so it survives restarts and moves with its partition.
 * Fields are public for the JSON store serde; change them only through the methods.
 */
public final class BrandHistory {

    /** Hours of history kept: two weeks, enough to learn the daily rhythm on every hour of the day. */
    public static final int HOURS = 14 * 24;
    private static final long HOUR_MS = 3_600_000L;
    /** Bounds the window lists when a brand gets thousands of mentions an hour. */
    private static final int MAX_RECENT = 20_000;

    public long firstHour = -1;
    public long lastHour = -1;
    public int[] negatives = new int[HOURS];
    public int[] totals = new int[HOURS];
    public List<Long> recentNegatives = new ArrayList<>();
    public List<Long> recentAll = new ArrayList<>();
    public long newestMs = Long.MIN_VALUE;
    public SentimentTrend trend = new SentimentTrend();

    /** Counts one mention at its event time. A mention older than two weeks changes nothing. */
    public void record(long timestampMs, boolean negative, long windowMs) {
        long hour = Math.floorDiv(timestampMs, HOUR_MS);
        if (lastHour < 0) {
            firstHour = hour;
            lastHour = hour;
        }
        if (hour > lastHour) {
            for (long h = Math.max(lastHour + 1, hour - HOURS + 1); h <= hour; h++) {
                negatives[slot(h)] = 0;
                totals[slot(h)] = 0;
            }
            lastHour = hour;
        }
        if (hour <= lastHour - HOURS) {
            return;
        }
        firstHour = Math.min(firstHour, hour);
        totals[slot(hour)]++;
        if (negative) {
            negatives[slot(hour)]++;
        }
        newestMs = Math.max(newestMs, timestampMs);
        if (timestampMs > newestMs - windowMs) {
            recentAll.add(timestampMs);
            if (negative) {
                recentNegatives.add(timestampMs);
            }
        }
        prune(windowMs);
    }

    /** Negative mentions in the window ending at the newest mention. */
    public int windowNegatives() {
        return recentNegatives.size();
    }

    /** All mentions in the window ending at the newest mention. */
    public int windowTotal() {
        return recentAll.size();
    }

    int negativesAt(long hour) {
        return inRange(hour) ? negatives[slot(hour)] : 0;
    }

    int totalsAt(long hour) {
        return inRange(hour) ? totals[slot(hour)] : 0;
    }

    boolean inRange(long hour) {
        return lastHour >= 0 && hour <= lastHour && hour > lastHour - HOURS && hour >= firstHour;
    }

    private void prune(long windowMs) {
        long from = newestMs - windowMs;
        recentAll.removeIf(t -> t <= from);
        recentNegatives.removeIf(t -> t <= from);
        while (recentAll.size() > MAX_RECENT) {
            recentAll.remove(0);
        }
        while (recentNegatives.size() > MAX_RECENT) {
            recentNegatives.remove(0);
        }
    }

    private static int slot(long hour) {
        return (int) Math.floorMod(hour, (long) HOURS);
    }
}
