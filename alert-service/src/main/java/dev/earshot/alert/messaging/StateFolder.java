package dev.earshot.alert.messaging;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Keeps Kafka Streams' local state from outliving its Kafka cluster. The local stores are a cache of the
 * changelog topics; after the cluster was replaced (a new local run, a test broker, a restored backup) their
 * checkpoints point into topics that no longer exist, and a checkpoint that happens to be below the new
 * changelog's end would keep the old cluster's incidents and "already seen" mentions. So the folder
 * remembers the cluster it belongs to, and is emptied (then rebuilt from the changelogs) when that changes.
 */
public final class StateFolder {

    private StateFolder() {
    }

    /** Before Kafka Streams opens {@code stateDir}: empties its {@code applicationId} folder if another cluster wrote it. */
    public static void claim(Path stateDir, String applicationId, String clusterId) {
        Path marker = stateDir.resolve(".cluster-" + applicationId);
        Path appDir = stateDir.resolve(applicationId);
        try {
            Files.createDirectories(stateDir);
            String before = Files.exists(marker) ? Files.readString(marker).strip() : null;
            if (!clusterId.equals(before) && Files.exists(appDir)) {
                Log.infof("Kafka Streams state in %s belongs to Kafka cluster %s, not %s: deleted, it is rebuilt"
                        + " from the changelogs", appDir, before == null ? "(unknown)" : before, clusterId);
                try (Stream<Path> all = Files.walk(appDir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.writeString(marker, clusterId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka Streams state folder " + stateDir, e);
        }
    }
}
