package dev.earshot.alert.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.alert.support.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EARSHOT_ACK_SECRET: a shipped placeholder or a short value stops the start; unset is a random key, warned. */
class AckSecretTest {

    final NotificationBeans beans = new NotificationBeans();

    @Test
    void aPlaceholderOrAShortSecretStopsTheStart() {
        for (String bad : new String[] {"change-me-to-another-long-random-secret", "replace_me_with_openssl_rand",
                "short-secret"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> beans.alertKeys(
                    TestConfig.with(Map.of("earshot.alert.notifications.ack-secret", bad))), bad);
            assertTrue(e.getMessage().startsWith("EARSHOT_ACK_SECRET"), e.getMessage());
            assertFalse(e.getMessage().contains(bad), "the message never shows the value");
        }
    }

    @Test
    void aGoodSecretOrNoneStarts() {
        assertNotNull(beans.alertKeys(TestConfig.with(Map.of("earshot.alert.notifications.ack-secret",
                "9f2c4e1a7b3d5f6081a2c3e4f5a6b7c8"))));
        assertNotNull(beans.alertKeys(TestConfig.with(Map.of())), "unset: random per start");
    }
}
