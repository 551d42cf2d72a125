package dev.earshot.ingest.source;

import dev.earshot.events.CatalogFile;
import dev.earshot.events.CatalogRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to write to the catalog topic so that it follows the operator's file, without undoing the API's changes: a
 * file entry is written when the topic's record for its key carries another {@code fileHash} (the entry is new or
 * changed since it was last written; an API change on top of the same entry keeps that entry's hash, so it stays);
 * a record that came from the file (it has a fileHash) whose key is no longer in the file is removed.
 */
final class FileReconcile {

    private FileReconcile() {
    }

    /**
     * @param current the topic's latest record per key
     * @return the records to write, in the file's order, removals last
     */
    static List<CatalogRecord> changes(CatalogFile file, Map<String, CatalogRecord> current) {
        List<CatalogRecord> out = new ArrayList<>();
        Set<String> inFile = new HashSet<>();
        for (CatalogRecord entry : file.records()) {
            inFile.add(entry.key());
            CatalogRecord now = current.get(entry.key());
            if (now == null || !Objects.equals(now.fileHash(), entry.fileHash())) {
                out.add(entry);
            }
        }
        current.forEach((key, record) -> {
            if (!inFile.contains(key) && record.fileHash() != null && !(record instanceof CatalogRecord.Removal)) {
                out.add(new CatalogRecord.Removal(key, null));
            }
        });
        return out;
    }
}
