package dev.earshot.ingest.fetch;

import dev.earshot.ingest.support.TestConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the poller remembers per host and per site is forgotten when it is no longer needed. */
class PolitenessMemoryTest {

    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void hostsLeftAloneAreForgottenButAPausedHostIsNot() {
        HostLimiter hosts = new HostLimiter(Duration.ofSeconds(1), 2);
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 1_000; i++) { // e.g. the hosts of a day's followed links
            assertTrue(hosts.tryAcquire("host-" + i + ".example", t0));
            hosts.release("host-" + i + ".example");
        }
        hosts.pause("paused.example", t0.plus(Duration.ofHours(3)));
        assertTrue(hosts.tryAcquire("busy.example", t0)); // still in flight

        Instant later = t0.plus(HostLimiter.FORGET_IDLE).plusSeconds(61);
        assertTrue(hosts.tryAcquire("new.example", later));
        assertEquals(3, hosts.size(), "only the paused, the busy and the new host are remembered");
        assertFalse(hosts.tryAcquire("paused.example", later), "a pause is never forgotten before it ends");
    }

    @Test
    void robotsRulesOfSitesNoLongerPolledAreDroppedOnceExpired() throws Exception {
        Hands clock = new Hands();
        // Every site is unreachable here, which the rules cache too (as "not now", for 5 minutes).
        HttpFetcher fetcher = new HttpFetcher(TestConfig.ingest(Map.of()).http(), new NetworkGuard(true, Duration.ofSeconds(5)), clock) {
            @Override
            public Response fetch(Request request) {
                return new Response(404, request.url(), "text/plain", new byte[0], null, null, null);
            }
        };
        RobotsRules robots = new RobotsRules(fetcher, Duration.ofHours(6), true, clock);
        for (int i = 0; i < 500; i++) {
            robots.check("https://site-" + i + ".example/feed.xml");
        }
        assertEquals(500, robots.size());
        clock.now = clock.now.plus(Duration.ofHours(7));
        robots.check("https://still-polled.example/feed.xml");
        assertEquals(1, robots.size(), "expired rules are dropped, not kept forever");
    }
}
