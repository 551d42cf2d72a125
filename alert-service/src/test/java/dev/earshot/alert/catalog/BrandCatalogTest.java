package dev.earshot.alert.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.alert.detection.DetectionSettings;
import dev.earshot.events.CatalogBrand;
import dev.earshot.events.CatalogFile;
import dev.earshot.events.CatalogOperators;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Recipients and settings per brand as the catalog topic gives them (the records ingest-service writes from a file). */
class BrandCatalogTest {

    /** The catalog as alert-service sees it once ingest-service has written this file to the topic. */
    static BrandCatalog fromTopic(String yaml, List<String> defaultRecipients, List<String> operators) {
        CatalogFile file = CatalogFile.read(yaml);
        Map<String, CatalogBrand> brands = file.brands().stream()
                .collect(Collectors.toMap(CatalogBrand::id, Function.identity()));
        Optional<List<String>> ops = Optional.ofNullable(file.operators()).map(CatalogOperators::emails)
                .filter(e -> !e.isEmpty());
        return new BrandCatalog(defaultRecipients, operators, null, DetectionSettings.defaults(),
                id -> Optional.ofNullable(brands.get(id)).map(CatalogTopic::brand), () -> ops);
    }

    @Test
    void theFirstVersionsFileStillWorks() {
        BrandCatalog catalog = fromTopic("""
                brands:
                  - id: northwind
                    name: Northwind Coffee
                    terms: ["Northwind Coffee", "Northwind"]
                    exclude: ["Northwind Traders"]
                    recipients: ["pr@northwind.example", "care@northwind.example"]
                sources:
                  - id: demo-reviews-feed
                    kind: feed
                    url: https://demo.example/feed.xml
                """, List.of("default@example.com"), List.of("ops@example.com"));
        assertEquals(List.of("pr@northwind.example", "care@northwind.example"), catalog.recipients("northwind"));
        assertEquals(List.of("default@example.com"), catalog.recipients("unknown"));
        assertEquals(List.of("ops@example.com"), catalog.operators());
        assertEquals(DetectionSettings.defaults(), catalog.settings("northwind"));
    }

    @Test
    void aspectRecipientsEscalationSlackAndPerBrandThresholds() {
        BrandCatalog catalog = fromTopic("""
                operators: ["noc@example.com"]
                brands:
                  - id: acme
                    recipients: ["pr@acme.example"]
                    aspectRecipients: {delivery: ["logistics@acme.example"]}
                    escalation: ["cmo@acme.example"]
                    slackWebhook: https://hooks.example/T1
                    alerting: {instantThreshold: -0.7, spikeWindowMinutes: 30, spikeMinCount: 4, driftDrop: 0.2}
                """, List.of(), List.of("ops@example.com"));
        assertEquals(List.of("pr@acme.example", "logistics@acme.example"),
                catalog.recipients("acme", List.of("delivery", "staff")));
        assertEquals(List.of("pr@acme.example"), catalog.recipients("acme", List.of("staff")));
        assertEquals(List.of("cmo@acme.example"), catalog.escalation("acme"));
        assertEquals("https://hooks.example/T1", catalog.slackWebhook("acme").orElseThrow());
        assertEquals(List.of("noc@example.com"), catalog.operators(), "the catalog's operators win");
        DetectionSettings s = catalog.settings("acme");
        assertEquals(-0.7, s.instantThreshold());
        assertEquals(Duration.ofMinutes(30), s.spikeWindow());
        assertEquals(4, s.spikeMinCount());
        assertEquals(0.2, s.driftDrop());
        assertEquals(DetectionSettings.defaults().highSeverityBelow(), s.highSeverityBelow());
    }
}
