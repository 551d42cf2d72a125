package dev.earshot.console.login;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionKeyCheckTest {

    @Test
    void aShippedPlaceholderOrAShortKeyStopsTheStartNamingTheVariableNotTheValue() {
        for (String known : new String[] {"change-me-to-a-long-random-token", "replace_me_with_a_key", "short-key"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SessionKeyCheck.check(Optional.of(known)), known);
            assertTrue(e.getMessage().contains("EARSHOT_CONSOLE_SESSION_KEY"), e.getMessage());
            assertFalse(e.getMessage().contains(known), "the message shows the key: " + e.getMessage());
        }
    }

    @Test
    void aGeneratedKeyOrNoKeyStarts() {
        assertDoesNotThrow(() -> SessionKeyCheck.check(Optional.of("3f1c9a0e5b7d4c2e8a6f0b1d9c7e5a3f")));
        assertDoesNotThrow(() -> SessionKeyCheck.check(Optional.empty()));
    }
}
