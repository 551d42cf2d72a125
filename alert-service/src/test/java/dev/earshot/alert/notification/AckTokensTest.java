package dev.earshot.alert.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AckTokensTest {

    final AckTokens tokens = new AckTokens("a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8),
            Duration.ofDays(7));
    final Instant now = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void aTokenNamesItsIncidentUntilItExpires() {
        String token = tokens.issue("instant-acme-1", "acme", 3, now);
        AckTokens.Claim claim = tokens.verify(token, now.plus(Duration.ofDays(6))).orElseThrow();
        assertEquals("instant-acme-1", claim.incidentId());
        assertEquals("acme", claim.brandId());
        assertEquals(3, claim.revision(), "the revision its email was about");
        assertTrue(tokens.verify(token, now.plus(Duration.ofDays(7))).isEmpty(), "expired");
        assertTrue(token.matches("[A-Za-z0-9_.-]+"), "URL-safe");
    }

    @Test
    void forgedTamperedOrForeignTokensAreRefused() {
        String token = tokens.issue("instant-acme-1", "acme", 3, now);
        String payload = token.substring(0, token.indexOf('.'));
        String otherPayload = tokens.issue("instant-acme-2", "acme", 3, now);
        assertTrue(tokens.verify(otherPayload.substring(0, otherPayload.indexOf('.')) + token.substring(
                token.indexOf('.')), now).isEmpty(), "a signature does not carry over to another incident");
        assertTrue(tokens.verify(payload + ".AAAA", now).isEmpty());
        String later = tokens.issue("instant-acme-1", "acme", 4, now);
        assertTrue(tokens.verify(later.substring(0, later.indexOf('.')) + token.substring(token.indexOf('.')), now)
                .isEmpty(), "nor to another revision");
        assertTrue(tokens.verify("garbage", now).isEmpty());
        assertTrue(tokens.verify("", now).isEmpty());
        assertTrue(tokens.verify("!!.!!", now).isEmpty());
        AckTokens other = new AckTokens("another-secret-entirely".getBytes(StandardCharsets.UTF_8), Duration.ofDays(7));
        assertTrue(other.verify(token, now).isEmpty(), "another server's key");
    }
}
