package dev.earshot.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's id patterns hold on both sides: a writer cannot send, and a reader does not accept, a broken id. */
class IdShapesTest {

    private static final String GOOD = EventJson.writeString(EventContractTest.mention());

    @Test
    void aMentionIdWithALineBreakIsRefusedWhenRead() {
        String hostile = GOOD.replaceFirst("\"id\":\"[0-9a-f]{32}\"", "\"id\":\"abc\\\\r\\\\nBcc: evil@example.com\"");
        assertTrue(hostile.contains("Bcc"), hostile);
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> EventJson.read(hostile, Mention.class));
        assertTrue(e.getMessage().contains("32 hex"), e.getMessage());
    }

    @Test
    void brandAndSourceIdsFollowTheCatalogPattern() {
        String badBrand = GOOD.replace("\"id\":\"acme\"", "\"id\":\"acme\\\\r\\\\nX-Evil: 1\"");
        assertThrows(MalformedEventException.class, () -> EventJson.read(badBrand, Mention.class));
        String badSource = GOOD.replace("\"id\":\"feed-1\"", "\"id\":\"feed 1\"");
        assertThrows(MalformedEventException.class, () -> EventJson.read(badSource, Mention.class));
        String badHash = GOOD.replaceFirst("\"contentHash\":\"[0-9a-f]{16}\"", "\"contentHash\":\"zz\"");
        assertThrows(MalformedEventException.class, () -> EventJson.read(badHash, Mention.class));
    }

    @Test
    void aWriterCannotSendABrokenId() {
        Mention m = EventContractTest.mention();
        Mention broken = new Mention(m.schemaVersion(), "x\r\ny", m.contentHash(), m.brand(), m.source(), m.url(),
                m.title(), m.text(), m.author(), m.rating(), m.publishedAt(), m.fetchedAt(), m.matchedTerms());
        assertThrows(MalformedEventException.class, () -> EventJson.writeString(broken));
    }

    @Test
    void incidentAndMonitorIdsAreSafeTokens() {
        Alert ok = alert("instant-acme-" + EventContractTest.mention().id());
        assertDoesNotThrow(() -> EventJson.read(EventJson.writeString(ok), Alert.class));
        String hostile = EventJson.writeString(ok).replace(ok.incidentId(), "instant-acme\\r\\nBcc: x");
        assertThrows(MalformedEventException.class, () -> EventJson.read(hostile, Alert.class));
        String monitor = "{\"schemaVersion\":1,\"sourceId\":\"a\\nb\",\"status\":\"failing\",\"consecutiveFailures\":3,"
                + "\"at\":\"2026-11-22T09:00:00Z\"}";
        assertThrows(MalformedEventException.class, () -> EventJson.read(monitor, MonitorEvent.class));
    }

    @Test
    void patternsSayWhatTheyAllow() {
        assertTrue(Ids.isMentionId("5f1c0d3e8a9b4c7d2e6f10a3b5c7d9e1"));
        assertFalse(Ids.isMentionId("5F1C0D3E8A9B4C7D2E6F10A3B5C7D9E1"));
        assertTrue(Ids.isCatalogId("demo-reviews.feed_2"));
        assertFalse(Ids.isCatalogId("-starts-with-dash"));
        assertFalse(Ids.isCatalogId("a".repeat(65)));
        assertTrue(Ids.isIncidentId("spike-acme-29399820"));
        assertFalse(Ids.isIncidentId("spike acme"));
        assertFalse(Ids.isIncidentId(null));
    }

    private static Alert alert(String id) {
        return new Alert(Alert.SCHEMA_VERSION, id, 1, new BrandRef("acme", "Acme"), Alert.Kind.INSTANT,
                Alert.Severity.HIGH, Alert.State.OPEN, new Alert.Reason("r", "s", Map.of()),
                List.of(EventContractTest.scored()), Instant.parse("2026-11-22T09:00:00Z"),
                Instant.parse("2026-11-22T09:00:00Z"));
    }
}
