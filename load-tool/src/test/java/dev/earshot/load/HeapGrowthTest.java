package dev.earshot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapGrowthTest {

    private static final long MB = 1024 * 1024;
    private static final long MAX = 256 * MB;

    @Test
    void warmUpBeforeTheWindowIsNotGrowth() {
        HeapGrowth g = HeapGrowth.of(List.of(sample(1, 20), sample(5, 60), sample(10, 61), sample(30, 63), sample(60, 62)),
                10, MAX);
        assertEquals(10, g.from().minute());
        assertEquals(60, g.to().minute());
        assertEquals(1 * MB, g.growthBytes());
        assertTrue(g.flat());
    }

    @Test
    void growthOverATenthOfTheMaximumHeapIsALeak() {
        HeapGrowth g = HeapGrowth.of(List.of(sample(10, 60), sample(35, 75), sample(60, 90)), 10, MAX);
        assertEquals(30 * MB, g.growthBytes());
        assertEquals((long) (25.6 * MB), g.limitBytes());
        assertFalse(g.flat());
        assertEquals(36 * MB, (long) g.bytesPerHour());
    }

    @Test
    void aShortRunStartsItsWindowAtTheFirstSampleAfterTheMark() {
        HeapGrowth g = HeapGrowth.of(List.of(sample(1, 30), sample(2.1, 40), sample(6, 41)), 2, MAX);
        assertEquals(2.1, g.from().minute());
        assertTrue(g.flat());
    }

    @Test
    void shrinkingIsFlat() {
        assertTrue(HeapGrowth.of(List.of(sample(10, 80), sample(60, 50)), 10, MAX).flat());
    }

    private static HeapGrowth.Sample sample(double minute, long mb) {
        return new HeapGrowth.Sample(minute, mb * MB);
    }
}
