package dev.earshot.access;

import static dev.earshot.access.AccessPolicy.Decision.ALLOWED;
import static dev.earshot.access.AccessPolicy.Decision.CHANGES_DISABLED;
import static dev.earshot.access.AccessPolicy.Decision.NO_TOKEN;
import static dev.earshot.access.AccessPolicy.Decision.READS_DISABLED;
import static dev.earshot.access.AccessPolicy.Decision.READ_ONLY_TOKEN;
import static dev.earshot.access.AccessPolicy.Decision.WRONG_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final String API = "api-token-0123456789abcdef";
    private static final String READ = "read-token-0123456789abcdef";
    private final AccessPolicy policy = new AccessPolicy(Optional.of(API), Optional.of(READ), List.of("/ack/"), false);

    @Test
    void readsNeedTheReadOrTheApiToken() {
        assertEquals(NO_TOKEN, policy.decide("GET", "/api/incidents", null, false));
        assertEquals(NO_TOKEN, policy.decide("GET", "/q/metrics", "Basic abc", false));
        assertEquals(WRONG_TOKEN, policy.decide("GET", "/api/brands", "Bearer nope", false));
        assertEquals(ALLOWED, policy.decide("GET", "/api/brands", "Bearer " + READ, false));
        assertEquals(ALLOWED, policy.decide("GET", "/q/metrics", "bearer " + API, false));
    }

    @Test
    void changesNeedTheApiToken() {
        assertEquals(NO_TOKEN, policy.decide("POST", "/api/mentions", null, false));
        assertEquals(READ_ONLY_TOKEN, policy.decide("POST", "/api/incidents/x/resolve", "Bearer " + READ, false));
        assertEquals(ALLOWED, policy.decide("DELETE", "/api/sources/x", "Bearer " + API, false));
    }

    @Test
    void aQueryPathTakesTheReadTokenForItsPostsOnly() {
        AccessPolicy scoring = new AccessPolicy(Optional.of(API), Optional.of(READ), List.of(), List.of("/api/score"), false);
        assertEquals(ALLOWED, scoring.decide("POST", "/api/score", "Bearer " + READ, false));
        assertEquals(NO_TOKEN, scoring.decide("POST", "/api/score", null, false));
        assertEquals(READ_ONLY_TOKEN, scoring.decide("POST", "/api/feedback", "Bearer " + READ, false));
        assertEquals(READ_ONLY_TOKEN, scoring.decide("DELETE", "/api/score", "Bearer " + READ, false));
    }

    @Test
    void healthAndListedPathsStayOpen() {
        assertEquals(ALLOWED, policy.decide("GET", "/q/health/ready", null, false));
        assertEquals(ALLOWED, policy.decide("GET", "/q/health", null, false));
        assertEquals(NO_TOKEN, policy.decide("GET", "/q/healthy-looking", null, false));
        assertEquals(ALLOWED, policy.decide("POST", "/ack/signed-token", null, false));
    }

    @Test
    void withoutTokensNothingIsReadOrChanged() {
        AccessPolicy none = new AccessPolicy(Optional.empty(), Optional.of("  "), List.of(), false);
        assertEquals(READS_DISABLED, none.decide("GET", "/api/incidents", "Bearer x", false));
        assertEquals(CHANGES_DISABLED, none.decide("POST", "/api/mentions", "Bearer x", false));
        assertEquals(ALLOWED, none.decide("GET", "/q/health/live", null, false));
    }

    @Test
    void loopbackReadsAreOpenOnlyWhenAskedForAndOnlyFromLoopback() {
        AccessPolicy local = new AccessPolicy(Optional.of(API), Optional.empty(), List.of(), true);
        assertEquals(ALLOWED, local.decide("GET", "/api/incidents", null, true));
        assertEquals(NO_TOKEN, local.decide("GET", "/api/incidents", null, false));
        assertEquals(NO_TOKEN, local.decide("POST", "/api/mentions", null, true));
        assertEquals(NO_TOKEN, policy.decide("GET", "/api/incidents", null, true));
    }

    @Test
    void knownPlaceholdersAndShortTokensAreRefusedAtStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new AccessPolicy(Optional.of("change-me-to-a-long-random-token"), Optional.empty(), List.of(), false));
        assertTrue(e.getMessage().contains("EARSHOT_API_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains("change-me-to"), "the message must not echo the secret");
        assertThrows(IllegalStateException.class,
                () -> new AccessPolicy(Optional.of(API), Optional.of("REPLACE_ME_read_token_value"), List.of(), false));
        assertThrows(IllegalStateException.class,
                () -> new AccessPolicy(Optional.of("short"), Optional.empty(), List.of(), false));
        assertTrue(Secrets.isPlaceholder("change-me"));
        assertFalse(Secrets.isPlaceholder("9f86d081884c7d659a2feaa0c55ad015"));
    }
}
