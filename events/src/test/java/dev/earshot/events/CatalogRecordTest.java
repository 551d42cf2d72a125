package dev.earshot.events;

import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static dev.earshot.events.ContractAssert.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogRecordTest {

    private static final String BRAND = """
            {"id":"acme","name":"Acme","terms":["Acme"],"recipients":["pr@acme.example"],
             "aspectRecipients":{"delivery":["logistics@acme.example"]},"escalation":["cmo@acme.example"],
             "slackWebhook":"https://hooks.example/T1","alerting":{"instantThreshold":-0.7,"spikeMinCount":4}}""";

    private static MalformedEventException refused(String key, String json) {
        return assertThrows(MalformedEventException.class, () -> CatalogRecord.read(key, json));
    }

    @Test
    void aBrandReadsWithEverythingAlertServiceNeedsAndWritesBackTheSame() {
        CatalogRecord.BrandSet set = assertInstanceOf(CatalogRecord.BrandSet.class, CatalogRecord.read("brand:acme", BRAND));
        CatalogBrand b = set.brand();
        assertEquals(List.of("pr@acme.example"), b.recipients());
        assertEquals(Map.of("delivery", List.of("logistics@acme.example")), b.aspectRecipients());
        assertEquals(List.of("cmo@acme.example"), b.escalation());
        assertEquals("https://hooks.example/T1", b.slackWebhook());
        assertEquals(-0.7, b.alerting().instantThreshold());
        assertEquals(4, b.alerting().spikeMinCount());
        assertNull(b.alerting().driftDrop(), "unset: alert-service's default applies");
        String written = set.valueJson();
        assertMatchesSchema(CatalogSchemas.BRAND, written);
        assertEquals(set, CatalogRecord.read("brand:acme", written));
        assertTrue(written.contains("\"schemaVersion\":1"), written);
    }

    @Test
    void anUnknownKeyIsRefusedWithItsPathAtEveryDepth() {
        assertEquals(List.of("recipient: unknown key"),
                refused("brand:acme", "{\"id\":\"acme\",\"terms\":[\"Acme\"],\"recipient\":[\"a@b.example\"]}").problems());
        MalformedEventException deep = refused("brand:acme",
                "{\"id\":\"acme\",\"terms\":[\"Acme\"],\"alerting\":{\"spikeMinCunt\":3}}");
        assertEquals("alerting.spikeMinCunt", deep.path());
        assertEquals("alerting.spikeMinCunt: unknown key", deep.getMessage());
        assertEquals("selectors.revew: unknown key", refused("source:s1",
                "{\"id\":\"s1\",\"kind\":\"page\",\"url\":\"https://x.example/\",\"selectors\":{\"revew\":\".r\"}}")
                .getMessage());
    }

    @Test
    void anUnknownKeyInTheFileIsRefusedWithItsPathFromTheTop() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> CatalogFile.read("""
                brands:
                  - id: a
                    terms: [A]
                  - id: b
                    terms: [B]
                  - id: c
                    terms: [C]
                    alerting:
                      spikeMinCunt: 3
                sourcez: []
                """));
        assertEquals(List.of("brands[2].alerting.spikeMinCunt: unknown key", "sourcez: unknown key"), e.problems());
        assertEquals("brands[2].alerting.spikeMinCunt", e.path());
    }

    @Test
    void valuesOutsideTheirRangeAreRefusedWithTheirPath() {
        MalformedEventException e = refused("brand:acme", """
                {"id":"acme","terms":["Acme"],"recipients":["not an address"],
                 "alerting":{"instantThreshold":1.5,"spikeMinCount":0,"spikeWindowMinutes":"30"}}""");
        List<String> paths = e.problems().stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
        assertEquals(List.of("alerting.instantThreshold", "alerting.spikeMinCount", "alerting.spikeWindowMinutes",
                "recipients[0]"), paths, e.getMessage());
        assertTrue(e.problems().get(0).contains("1"), e.getMessage());
        assertEquals("maxPages", refused("source:s1",
                "{\"id\":\"s1\",\"kind\":\"page\",\"url\":\"https://x.example/\",\"maxPages\":0}").path());
        assertEquals("kind", refused("source:s1", "{\"id\":\"s1\",\"kind\":\"ftp\",\"url\":\"https://x.example/\"}").path());
        assertEquals("id", refused("brand:acme", "{\"name\":\"no id\"}").path());
        assertEquals(List.of("recipients[0]: 'not an address' is not an email address"),
                refused("brand:acme", "{\"id\":\"acme\",\"recipients\":[\"not an address\"]}").problems());
        assertEquals(List.of("id: 'a\\r\\nBcc: x' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
                refused("source:a", "{\"id\":\"a\\r\\nBcc: x\",\"kind\":\"feed\"}").problems());
    }

    @Test
    void aRenderedPageSourceKeepsItsRenderFlagAndANonBooleanIsRefusedWithItsPath() {
        CatalogRecord.SourceSet set = assertInstanceOf(CatalogRecord.SourceSet.class, CatalogRecord.read("source:s1",
                "{\"id\":\"s1\",\"kind\":\"page\",\"url\":\"https://x.example/\",\"render\":true}"));
        assertEquals(Boolean.TRUE, set.source().render());
        assertMatchesSchema(CatalogSchemas.SOURCE, set.valueJson());
        assertEquals(set, CatalogRecord.read("source:s1", set.valueJson()));
        assertEquals(Boolean.TRUE, set.source().withFileHash("0123456789abcdef").render(), "a file entry keeps it");
        assertNull(assertInstanceOf(CatalogRecord.SourceSet.class, CatalogRecord.read("source:s2",
                "{\"id\":\"s2\",\"kind\":\"page\",\"url\":\"https://x.example/\"}")).source().render(), "off unless asked");
        assertEquals("render", refused("source:s1",
                "{\"id\":\"s1\",\"kind\":\"page\",\"url\":\"https://x.example/\",\"render\":\"yes\"}").path());
    }

    @Test
    void aRemovalIsItsOwnValueAndATombstoneReadsAsOne() {
        CatalogRecord.Removal r = assertInstanceOf(CatalogRecord.Removal.class,
                CatalogRecord.read("source:s1", CatalogRecord.REMOVED));
        assertEquals("source:s1", r.key());
        assertNull(r.fileHash());
        assertEquals(CatalogRecord.REMOVED, r.valueJson());
        CatalogRecord.Removal ofFileEntry = new CatalogRecord.Removal("brand:acme", "0123456789abcdef");
        assertEquals(ofFileEntry, CatalogRecord.read("brand:acme", ofFileEntry.valueJson()));
        assertMatchesSchema(CatalogSchemas.REMOVAL, ofFileEntry.valueJson());
        assertInstanceOf(CatalogRecord.Removal.class, CatalogRecord.read("brand:acme", null));
        assertEquals("removed", refused("brand:acme", "{\"removed\":false}").path());
    }

    @Test
    void theKeyMustNameTheValuesId() {
        MalformedEventException e = refused("brand:acme", "{\"id\":\"other\",\"terms\":[\"Other\"]}");
        assertEquals("id", e.path());
        assertTrue(e.getMessage().contains("'other' is not the key's 'acme'"), e.getMessage());
        assertTrue(refused("brand:bad id", BRAND).getMessage().contains("'brand:bad id'"));
        assertTrue(refused("mention:acme", BRAND).getMessage().contains("none of brand:<id>, source:<id>, operators"));
        assertTrue(refused(null, BRAND).getMessage().contains("no key"));
        assertTrue(refused("brand:acme", "{not json").getMessage().startsWith("not JSON"));
        assertTrue(refused("brand:acme", "").getMessage().startsWith("empty value"));
    }

    @Test
    void operatorsAreOneRecord() {
        CatalogRecord.OperatorsSet o = assertInstanceOf(CatalogRecord.OperatorsSet.class,
                CatalogRecord.read("operators", "{\"emails\":[\"noc@example.com\"]}"));
        assertEquals(List.of("noc@example.com"), o.operators().emails());
        assertEquals("emails", refused("operators", "{}").path());
    }

    @Test
    void theFileGivesEachEntryTheHashOfWhatIsWrittenNotOfItsLayout() {
        CatalogFile first = CatalogFile.read("""
                operators: ["noc@example.com"]
                brands:
                  - id: acme           # the brand
                    terms: [Acme]
                    recipients: [pr@acme.example]
                    alerting: {instantThreshold: -0.7}
                sources:
                  - {id: s1, kind: feed, url: "https://x.example/feed.xml", brand: acme}
                """);
        CatalogFile relaidOut = CatalogFile.read("""
                brands:
                  - id: acme
                    terms: ["Acme"]
                    recipients: ["pr@acme.example"]
                    alerting:
                      instantThreshold: -0.7
                sources:
                  - id: s1
                    kind: feed
                    url: https://x.example/feed.xml
                    brand: acme
                operators: [noc@example.com]
                """);
        CatalogFile edited = CatalogFile.read("""
                brands:
                  - id: acme
                    terms: [Acme]
                    recipients: [pr@acme.example, care@acme.example]
                    alerting: {instantThreshold: -0.7}
                """);
        assertEquals(first.brands().get(0).fileHash(), relaidOut.brands().get(0).fileHash());
        assertEquals(first.sources().get(0).fileHash(), relaidOut.sources().get(0).fileHash());
        assertTrue(Ids.CONTENT_HASH.matcher(first.brands().get(0).fileHash()).matches());
        assertTrue(!first.brands().get(0).fileHash().equals(edited.brands().get(0).fileHash()));
        assertEquals(List.of("brand:acme", "source:s1", "operators"),
                first.records().stream().map(CatalogRecord::key).toList());
        for (CatalogRecord r : first.records()) { // what ingest-service writes reads back as the same record
            assertEquals(r, CatalogRecord.read(r.key(), r.valueJson()));
        }
    }

    @Test
    void theFileRefusesDuplicatesUnknownBrandsAndWhatOnlyTheTopicSets() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> CatalogFile.read("""
                brands:
                  - {id: acme, terms: [Acme]}
                  - {id: acme, terms: [Acme2], fileHash: 0123456789abcdef}
                sources:
                  - {id: s1, kind: feed, url: "https://x.example/", brand: nobody}
                """));
        assertEquals(List.of("brands[1].fileHash: set by ingest-service, not in the file",
                "brands[1].id: brand 'acme' is given twice", "sources[0].brand: no brand 'nobody' in the file"),
                e.problems());
        assertTrue(assertThrows(MalformedEventException.class, () -> CatalogFile.read("brands:\n  - id: a\n    id: b\n"))
                .getMessage().startsWith("not YAML"));
        assertEquals(List.of(), CatalogFile.read("").brands());
    }

    @Test
    void theSchemasExamplesFollowThemAndRead() {
        assertInstanceOf(CatalogRecord.BrandSet.class, CatalogRecord.read("brand:northwind", example(CatalogSchemas.BRAND)));
        assertInstanceOf(CatalogRecord.SourceSet.class,
                CatalogRecord.read("source:citybites-feed", example(CatalogSchemas.SOURCE)));
        assertInstanceOf(CatalogRecord.OperatorsSet.class, CatalogRecord.read("operators", example(CatalogSchemas.OPERATORS)));
        assertEquals(1, CatalogFile.read(example(CatalogSchemas.FILE)).brands().size());
        assertMatchesSchema(CatalogSchemas.ALERTING_FOR_TESTS, example(CatalogSchemas.ALERTING_FOR_TESTS));
    }
}
