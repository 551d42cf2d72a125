package dev.earshot.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.events.CatalogFile;
import dev.earshot.events.CatalogRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileReconcileTest {

    private static final CatalogFile FILE = CatalogFile.read("""
            brands:
              - {id: acme, terms: [Acme]}
              - {id: globex, terms: [Globex]}
            """);

    private static Map<String, CatalogRecord> topic(CatalogRecord... records) {
        Map<String, CatalogRecord> m = new LinkedHashMap<>();
        for (CatalogRecord r : records) {
            m.put(r.key(), r);
        }
        return m;
    }

    @Test
    void anEmptyTopicGetsTheWholeFile() {
        assertEquals(FILE.records(), FileReconcile.changes(FILE, Map.of()));
    }

    @Test
    void entriesWrittenBeforeOrEditedOverTheApiOnTopOfThemAreLeft() {
        CatalogRecord acme = FILE.records().get(0);
        CatalogRecord globexRemovedOverApi = new CatalogRecord.Removal("brand:globex", FILE.records().get(1).fileHash());
        assertEquals(List.of(), FileReconcile.changes(FILE, topic(acme, globexRemovedOverApi)));
    }

    @Test
    void aChangedEntryIsWrittenAndOneGoneFromTheFileRemovedButApiMadeOnesStay() {
        CatalogFile before = CatalogFile.read("brands:\n  - {id: acme, terms: [Acme, ACME]}\n  - {id: old, terms: [Old]}\n");
        CatalogRecord apiMade = new CatalogRecord.BrandSet(
                new dev.earshot.events.CatalogBrand("initech", "Initech", List.of("Initech"), List.of()));
        List<CatalogRecord> changes = FileReconcile.changes(FILE, topic(before.records().get(0), before.records().get(1),
                apiMade, new CatalogRecord.Removal("brand:gone", null)));
        assertEquals(List.of(FILE.records().get(0), FILE.records().get(1), new CatalogRecord.Removal("brand:old", null)),
                changes);
    }
}
