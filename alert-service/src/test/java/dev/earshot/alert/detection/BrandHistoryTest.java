package dev.earshot.alert.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a brand's history costs in the store: it is rewritten (and sent to its changelog) on every mention. */
class BrandHistoryTest {

    static final long WINDOW_MS = Duration.ofMinutes(60).toMillis();
    static final long T0 = 1_780_000_020_000L; // on a minute

    @Test
    void aStormingBrandsHistoryStaysSmallInTheStore() {
        BrandHistory h = new BrandHistory();
        for (long hour = 0; hour < BrandHistory.HOURS; hour++) {
            for (int i = 0; i < 20; i++) {
                h.record(T0 + hour * 3_600_000L + i * 60_000L, i % 10 == 0, WINDOW_MS);
            }
        }
        long stormStart = T0 + BrandHistory.HOURS * 3_600_000L;
        for (int i = 0; i < 20_000; i++) { // 20,000 mentions in one hour, a third of them negative
            h.record(stormStart + i * 180L, i % 3 == 0, WINDOW_MS);
        }
        int bytes = new BrandHistorySerde().serializer().serialize("brand-history", h).length;
        System.out.printf("brand-history entry of a storming brand: %d bytes%n", bytes);
        assertTrue(bytes < 8_000, "the history of a storming brand is " + bytes + " bytes");
        assertEquals(20_000, h.windowTotal(), "the whole storm is in the window");
        assertEquals(6_667, h.windowNegatives());
    }

    @Test
    void theWindowEndsAtTheNewestMentionAndForgetsWhatFellOutOfIt() {
        BrandHistory h = new BrandHistory();
        h.record(T0, true, WINDOW_MS);
        h.record(T0 + 30 * 60_000L, true, WINDOW_MS);
        h.record(T0 + 45 * 60_000L, false, WINDOW_MS);
        assertEquals(2, h.windowNegatives());
        assertEquals(3, h.windowTotal());
        h.record(T0 + 61 * 60_000L, false, WINDOW_MS);
        assertEquals(1, h.windowNegatives(), "the first one fell out of the hour");
        assertEquals(3, h.windowTotal());
        h.record(T0 + 30 * 60_000L, true, WINDOW_MS); // late, still inside the window
        assertEquals(2, h.windowNegatives());
        h.record(T0 + 30_000L, true, WINDOW_MS); // late and before the window: counted in its hour only
        assertEquals(2, h.windowNegatives());
        h.record(T0 + 10 * 3_600_000L, false, WINDOW_MS);
        assertEquals(0, h.windowNegatives());
        assertEquals(1, h.windowTotal());
    }
}
