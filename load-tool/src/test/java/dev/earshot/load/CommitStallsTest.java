package dev.earshot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommitStallsTest {

    private static final long MIN = 60_000;

    @Test
    void aGroupThatCommitsEveryMinuteNeverStalls() {
        CommitStalls stalls = new CommitStalls();
        for (int m = 0; m <= 10; m++) {
            stalls.record("sentiment-service", m * MIN, 1000L * m, 50);
        }
        assertEquals(Duration.ZERO, stalls.longest().get("sentiment-service"));
    }

    @Test
    void aGroupWithLagThatNeverCommitsStallsFromItsFirstSample() {
        // sentiment-service before issue 9: lag grows, nothing is ever committed
        CommitStalls stalls = new CommitStalls();
        for (int m = 0; m <= 6; m++) {
            stalls.record("sentiment-service", m * MIN, 0, 100L * m + 1);
        }
        assertEquals(Duration.ofMinutes(6), stalls.longest().get("sentiment-service"));
    }

    @Test
    void anIdleGroupWithoutLagIsNotStalled() {
        CommitStalls stalls = new CommitStalls();
        for (int m = 0; m <= 6; m++) {
            stalls.record("earshot-ingest-pollers", m * MIN, 7, 0);
        }
        assertEquals(Duration.ZERO, stalls.longest().get("earshot-ingest-pollers"));
    }

    @Test
    void theLongestStallIsKeptAfterTheGroupMovesAgain() {
        CommitStalls stalls = new CommitStalls();
        stalls.record("alert-service", 0, 10, 5);
        stalls.record("alert-service", 1 * MIN, 10, 9);
        stalls.record("alert-service", 3 * MIN, 10, 20);
        stalls.record("alert-service", 4 * MIN, 40, 3);
        stalls.record("alert-service", 5 * MIN, 50, 0);
        assertEquals(Duration.ofMinutes(3), stalls.longest().get("alert-service"));
    }
}
