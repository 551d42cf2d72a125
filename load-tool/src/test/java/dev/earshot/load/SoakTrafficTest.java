package dev.earshot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakTrafficTest {

    @Test
    void aStormOfOneMinuteStartsAtMinuteTwoAndEveryFiveMinutesAfter() {
        assertEquals(-1, SoakTraffic.stormingBrand(Duration.ofSeconds(119), 50));
        assertEquals(0, SoakTraffic.stormingBrand(Duration.ofSeconds(120), 50));
        assertEquals(0, SoakTraffic.stormingBrand(Duration.ofSeconds(179), 50));
        assertEquals(-1, SoakTraffic.stormingBrand(Duration.ofSeconds(180), 50));
        assertEquals(7, SoakTraffic.stormingBrand(Duration.ofMinutes(7), 50));
        assertEquals(14, SoakTraffic.stormingBrand(Duration.ofMinutes(12).plusSeconds(30), 50));
    }
}
