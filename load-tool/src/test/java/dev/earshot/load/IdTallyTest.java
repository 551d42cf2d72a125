package dev.earshot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdTallyTest {

    private static final String A = "0123456789abcdef0123456789abcdef";
    private static final String B = "fedcba9876543210fedcba9876543210";
    private static final String C = "00000000000000010000000000000000";

    @Test
    void everySentIdArrivedOnceIsExactlyOnce() {
        IdTally sent = tally(A, B, C);
        IdTally arrived = tally(C, A, B, "not-one-we-sent");
        IdTally.Comparison c = IdTally.compare(sent, arrived);
        assertEquals(new IdTally.Comparison(3, 0, 0), c);
        assertTrue(c.exactlyOnce());
    }

    @Test
    void countsWhatIsMissingAndWhatArrivedTwice() {
        IdTally.Comparison c = IdTally.compare(tally(A, B, C), tally(B, A, B, B));
        assertEquals(1, c.missing(), "C never arrived");
        assertEquals(1, c.duplicated(), "B arrived three times: one id duplicated");
        assertFalse(c.exactlyOnce());
    }

    @Test
    void growsPastItsFirstArray() {
        IdTally sent = new IdTally();
        IdTally arrived = new IdTally();
        for (int i = 0; i < 5000; i++) {
            sent.add(String.format("%032x", i));
            if (i != 4321) {
                arrived.add(String.format("%032x", i));
            }
        }
        assertEquals(new IdTally.Comparison(5000, 1, 0), IdTally.compare(sent, arrived));
    }

    @Test
    void idsThatAreNotHexAreHashed() {
        assertNotEquals(IdTally.key("probe-1"), IdTally.key("probe-2"));
        assertEquals(IdTally.key("probe-1"), IdTally.key("probe-1"));
    }

    private static IdTally tally(String... ids) {
        IdTally t = new IdTally();
        for (String id : ids) {
            t.add(id);
        }
        return t;
    }
}
