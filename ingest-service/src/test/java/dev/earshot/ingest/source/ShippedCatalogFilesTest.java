package dev.earshot.ingest.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.CatalogFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every catalog file the project ships starts ingest-service, and a typo in one would stop it, saying where. */
class ShippedCatalogFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** The YAML files with a top-level {@code brands:} (the operator's and the demo's), and the one in the Kubernetes ConfigMap. */
    private List<Path> shipped() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("deploy/config", "local-run/src/main/resources")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).forEach(files::add);
            }
        }
        String configMap = Files.readString(ROOT.resolve("deploy/kubernetes/configmap.yaml"));
        int at = configMap.indexOf("  earshot.yaml: |\n");
        if (at >= 0) {
            StringBuilder embedded = new StringBuilder();
            for (String line : configMap.substring(at).lines().skip(1).toList()) {
                if (!line.isEmpty() && !line.startsWith("    ")) {
                    break;
                }
                embedded.append(line.length() >= 4 ? line.substring(4) : line).append('\n');
            }
            Path extracted = dir.resolve("configmap-earshot.yaml");
            Files.writeString(extracted, embedded);
            files.add(extracted);
        }
        return files;
    }

    @Test
    void everyShippedCatalogFileLoads() throws Exception {
        List<Path> files = shipped();
        assertTrue(files.size() >= 3, files.toString());
        for (Path file : files) {
            // The demo's placeholder, as LocalRun fills it in.
            Path filled = dir.resolve("filled-" + file.getFileName());
            Files.writeString(filled, Files.readString(file).replace("${DEMO_SITE}", "http://127.0.0.1:8090"));
            CatalogFile catalog = CatalogLoader.load(filled);
            assertFalse(catalog.brands().isEmpty(), file + " watches a brand");
        }
    }

    @Test
    void aTypoUnderAlertingStopsTheStartSayingWhere() throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, Files.readString(ROOT.resolve("deploy/config/earshot.yaml")).replace(
                "    recipients:", "    alerting: {spikeMinCunt: 3}\n    recipients:"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatalogLoader.load(file));
        assertTrue(e.getMessage().contains("brands[0].alerting.spikeMinCunt: unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
