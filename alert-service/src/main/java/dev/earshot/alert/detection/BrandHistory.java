package dev.earshot.alert.detection;

/**
 * What alert-service remembers about one brand to judge the next mention against: hourly counts of
 * all and of negative mentions over the last two weeks (the baseline), per-minute counts over the
 * current sliding window, and the average sentiment, recent and long-run. Counters only, never a
 * list of mentions, so its size is fixed (about 2 KB as JSON) however busy the brand is: it is
 * rewritten to its changelog-backed store on every mention. It survives restarts and moves with its
 * partition. Fields are public for the JSON store serde; change them only through the methods.
 */
public final class BrandHistory {

    /** Hours of history kept: two weeks, enough to learn the daily rhythm on every hour of the day. */
    public static final int HOURS = 14 * 24;
    private static final long HOUR_MS = 3_600_000L;
    private static final long MINUTE_MS = 60_000L;

    public long firstHour = -1;
    public long lastHour = -1;
    public int[] negatives = new int[HOURS];
    public int[] totals = new int[HOURS];
    /** The sliding window to the minute: one slot per minute, the newest minute at {@link #windowMinute}. */
    public int[] windowNegativeCounts = new int[0];
    public int[] windowTotalCounts = new int[0];
    public long windowMinute = Long.MIN_VALUE;
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
        countInWindow(Math.floorDiv(timestampMs, MINUTE_MS), negative, windowMs);
    }

    /** Negative mentions in the window ending at the newest mention (to the minute). */
    public int windowNegatives() {
        return sum(windowNegativeCounts);
    }

    /** All mentions in the window ending at the newest mention (to the minute). */
    public int windowTotal() {
        return sum(windowTotalCounts);
    }

    private void countInWindow(long minute, boolean negative, long windowMs) {
        int minutes = (int) Math.max(1, (windowMs + MINUTE_MS - 1) / MINUTE_MS);
        if (windowTotalCounts.length != minutes) { // first mention, or the brand's window was changed
            windowTotalCounts = new int[minutes];
            windowNegativeCounts = new int[minutes];
            windowMinute = Long.MIN_VALUE;
        }
        if (minute > windowMinute) {
            long from = windowMinute == Long.MIN_VALUE ? minute - minutes + 1 : Math.max(windowMinute + 1, minute - minutes + 1);
            for (long m = from; m <= minute; m++) {
                windowTotalCounts[minuteSlot(m)] = 0;
                windowNegativeCounts[minuteSlot(m)] = 0;
            }
            windowMinute = minute;
        }
        if (minute <= windowMinute - minutes) {
            return; // late, and before the window: counted in its hour only
        }
        windowTotalCounts[minuteSlot(minute)]++;
        if (negative) {
            windowNegativeCounts[minuteSlot(minute)]++;
        }
    }

    private int minuteSlot(long minute) {
        return (int) Math.floorMod(minute, (long) windowTotalCounts.length);
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
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

    private static int slot(long hour) {
        return (int) Math.floorMod(hour, (long) HOURS);
    }
}
