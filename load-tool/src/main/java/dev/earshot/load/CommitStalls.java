package dev.earshot.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * For each consumer group, the longest time it had lag and did not commit: fed one sample of
 * (committed offsets summed, lag) at a time, in time order.
 */
final class CommitStalls {

    private record Progress(long committed, long sinceMillis, long longestMillis) {
    }

    private final Map<String, Progress> groups = new HashMap<>();

    void record(String group, long atMillis, long committedSum, long lag) {
        Progress p = groups.get(group);
        if (p == null || lag == 0 || committedSum != p.committed()) {
            // Caught up or moving: the clock starts again.
            long longest = p == null ? 0 : p.longestMillis();
            groups.put(group, new Progress(committedSum, atMillis, longest));
            return;
        }
        groups.put(group, new Progress(p.committed(), p.sinceMillis(),
                Math.max(p.longestMillis(), atMillis - p.sinceMillis())));
    }

    /** Longest stall of each group seen so far. */
    Map<String, Duration> longest() {
        Map<String, Duration> out = new java.util.TreeMap<>();
        groups.forEach((g, p) -> out.put(g, Duration.ofMillis(p.longestMillis())));
        return out;
    }
}
