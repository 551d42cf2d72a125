package dev.earshot.alert.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.alert.messaging.JsonSerde;
import org.junit.jupiter.api.Test;

class BrandHistorySerdeTest {

    final BrandHistorySerde serde = new BrandHistorySerde();

    static BrandHistory storming() {
        BrandHistory h = new BrandHistory();
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 5_000; i++) {
            h.record(t + i * 700L, i % 3 == 0, 3_600_000L);
            h.trend.add(i % 3 == 0 ? -0.6 : 0.4, 20, 400);
        }
        return h;
    }

    @Test
    void whatIsWrittenIsReadBackTheSame() {
        BrandHistory h = storming();
        BrandHistory back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", h));
        assertSame(h, back);
    }

    @Test
    void aHistoryStoredAsJsonByAnEarlierVersionIsStillRead() {
        BrandHistory h = storming();
        byte[] json = new JsonSerde<>(BrandHistory.class).serializer().serialize("t", h);
        assertSame(h, serde.deserializer().deserialize("t", json));
    }

    private static void assertSame(BrandHistory a, BrandHistory b) {
        assertEquals(a.firstHour, b.firstHour);
        assertEquals(a.lastHour, b.lastHour);
        assertEquals(a.windowMinute, b.windowMinute);
        assertEquals(a.newestMs, b.newestMs);
        assertArrayEquals(a.negatives, b.negatives);
        assertArrayEquals(a.totals, b.totals);
        assertArrayEquals(a.windowNegativeCounts, b.windowNegativeCounts);
        assertArrayEquals(a.windowTotalCounts, b.windowTotalCounts);
        assertEquals(a.trend.fast, b.trend.fast);
        assertEquals(a.trend.slow, b.trend.slow);
        assertEquals(a.trend.count, b.trend.count);
        assertEquals(a.trend.drifting, b.trend.drifting);
        assertEquals(a.windowNegatives(), b.windowNegatives());
    }
}
