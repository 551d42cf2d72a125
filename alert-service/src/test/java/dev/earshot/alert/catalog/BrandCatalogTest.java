package dev.earshot.alert.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.alert.detection.DetectionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandCatalogTest {

    @TempDir
    Path dir;

    @Test
    void theFirstVersionsFileStillWorks() throws Exception {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, """
                brands:
                  - id: northwind
                    name: Northwind Coffee
                    terms: ["Northwind Coffee", "Northwind"]
                    exclude: ["Northwind Traders"]
                    recipients: ["pr@northwind.example", "care@northwind.example"]
                sources:
                  - id: demo-reviews-feed
                    kind: feed
                    url: ${DEMO_SITE}/feed.xml
                """);
        BrandCatalog catalog = BrandCatalog.load(file, List.of("default@example.com"), List.of("ops@example.com"), null,
                DetectionSettings.defaults());
        assertEquals(List.of("pr@northwind.example", "care@northwind.example"), catalog.recipients("northwind"));
        assertEquals(List.of("default@example.com"), catalog.recipients("unknown"));
        assertEquals(List.of("ops@example.com"), catalog.operators());
        assertEquals(DetectionSettings.defaults(), catalog.settings("northwind"));
    }

    @Test
    void aspectRecipientsEscalationSlackAndPerBrandThresholds() throws Exception {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, """
                operators: ["noc@example.com"]
                brands:
                  - id: acme
                    recipients: ["pr@acme.example"]
                    aspectRecipients: {delivery: ["logistics@acme.example"]}
                    escalation: ["cmo@acme.example"]
                    slackWebhook: https://hooks.example/T1
                    alerting: {instantThreshold: -0.7, spikeWindowMinutes: 30, spikeMinCount: 4, driftDrop: 0.2}
                """);
        BrandCatalog catalog = BrandCatalog.load(file, List.of(), List.of("ops@example.com"), null,
                DetectionSettings.defaults());
        assertEquals(List.of("pr@acme.example", "logistics@acme.example"),
                catalog.recipients("acme", List.of("delivery", "staff")));
        assertEquals(List.of("pr@acme.example"), catalog.recipients("acme", List.of("staff")));
        assertEquals(List.of("cmo@acme.example"), catalog.escalation("acme"));
        assertEquals("https://hooks.example/T1", catalog.slackWebhook("acme").orElseThrow());
        assertEquals(List.of("noc@example.com"), catalog.operators(), "the file's operators win");
        DetectionSettings s = catalog.settings("acme");
        assertEquals(-0.7, s.instantThreshold());
        assertEquals(Duration.ofMinutes(30), s.spikeWindow());
        assertEquals(4, s.spikeMinCount());
        assertEquals(0.2, s.driftDrop());
        assertEquals(DetectionSettings.defaults().highSeverityBelow(), s.highSeverityBelow());
    }
}
