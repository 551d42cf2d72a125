package dev.earshot.alert.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFolderTest {

    @TempDir
    Path dir;

    @Test
    void stateOfAnotherClusterIsDeletedAndTheSameClustersIsKept() throws Exception {
        Path store = dir.resolve("alert-service/0_0/rocksdb/incidents");
        Files.createDirectories(store);
        Files.writeString(store.resolve("CURRENT"), "x");
        StateFolder.claim(dir, "alert-service", "cluster-a"); // a folder from before the marker: not trusted
        assertFalse(Files.exists(store), "state of an unknown cluster is rebuilt");

        Files.createDirectories(store);
        StateFolder.claim(dir, "alert-service", "cluster-a");
        assertTrue(Files.exists(store), "the same cluster keeps its state (a fast restart)");

        StateFolder.claim(dir, "alert-service", "cluster-b");
        assertFalse(Files.exists(store), "a new cluster never sees the old one's incidents");
    }
}
