package dev.earshot.alert.messaging;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Remembers when the stream thread failed recently. One failure is recovered by replacing the
 * thread; the same failure again and again (a record that always fails) is a stall that health must
 * show, since the replaced thread replays from the last commit and never gets past it.
 */
final class ThreadFailures {

    /** Failures within {@link #WINDOW_MS} that count as a crash loop. */
    static final int LOOP_FAILURES = 3;
    static final long WINDOW_MS = 10 * 60_000L;

    private final Deque<Long> recent = new ArrayDeque<>();

    synchronized void failed(long nowMs) {
        recent.addLast(nowMs);
        while (recent.size() > LOOP_FAILURES) {
            recent.removeFirst();
        }
    }

    synchronized boolean looping(long nowMs) {
        return recent.size() >= LOOP_FAILURES && nowMs - recent.peekFirst() <= WINDOW_MS;
    }
}
