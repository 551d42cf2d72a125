package dev.earshot.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.CatalogFile;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.CatalogView;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.TopicTable;
import dev.earshot.events.Topics;
import dev.earshot.ingest.publish.AckedSender;
import dev.earshot.ingest.publish.KafkaClients;
import dev.earshot.ingest.support.BrokerIngest;
import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's file and the API write one public topic, on a real broker: restarts with the same file keep the API's
 * changes, a changed entry wins over them, an entry gone from the file is removed, and what another service reads
 * through {@link CatalogView} is what ingest-service shows.
 */
class CatalogStoreOnBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FILE = """
            operators: ["noc@example.com"]
            brands:
              - id: acme
                name: Acme
                terms: [Acme]
                recipients: [pr@acme.example]
              - id: globex
                terms: [Globex]
            sources:
              - {id: acme-feed, kind: feed, url: "https://reviews.example/acme.xml", brand: acme}
            """;

    EmbeddedKafkaBroker broker;
    KafkaClients kafka;
    KafkaProducer<String, byte[]> producer;
    final List<CatalogStore> stores = new ArrayList<>();

    @BeforeEach
    void start() {
        broker = EmbeddedKafkaBroker.start();
        kafka = new KafkaClients(broker.bootstrapServers());
        producer = kafka.producer("catalog-test");
        TopicTable.Topic t = TopicTable.topic(Topics.CATALOG);
        kafka.ensureTopics(Map.of(Topics.CATALOG, new KafkaClients.TopicSpec(t.partitions(), t.configs())), WAIT);
    }

    @AfterEach
    void stop() {
        stores.forEach(CatalogStore::close);
        producer.close();
        broker.close();
    }

    private CatalogStore store(String yaml) {
        CatalogStore s = new CatalogStore(yaml == null ? null : CatalogFile.read(yaml), kafka,
                new AckedSender(producer, 2, Duration.ofMillis(100)), new SimpleMeterRegistry());
        stores.add(s);
        s.start();
        s.awaitCaughtUp(WAIT);
        return s;
    }

    private void restart(CatalogStore s) {
        s.close();
        stores.remove(s);
    }

    @Test
    void apiChangesSurviveARestartWithTheSameFileAndAChangedEntryWinsOverThem() {
        CatalogStore first = store(FILE);
        assertEquals(List.of("acme", "globex"), first.current().brands().stream().map(Brand::id).toList());
        Brand acme = first.current().brand("acme").orElseThrow();
        assertEquals(List.of(), first.putBrand(new Brand("acme", "Acme", acme.terms(), List.of(), null,
                List.of("pr@acme.example", "care@acme.example"))));
        assertEquals(List.of(), first.removeBrand("globex"));
        assertEquals(List.of(), first.putBrand(new Brand("initech", "Initech", List.of("Initech"), List.of())));
        restart(first);

        CatalogStore again = store(FILE);
        assertEquals(List.of("pr@acme.example", "care@acme.example"), again.current().brand("acme").orElseThrow().recipients(),
                "the API's edit of an unchanged file entry stays");
        assertTrue(again.current().brand("globex").isEmpty(), "the API's removal of an unchanged file entry stays");
        assertTrue(again.current().brand("initech").isPresent(), "a brand made over the API stays");
        restart(again);

        CatalogStore edited = store(FILE.replace("recipients: [pr@acme.example]", "recipients: [new-pr@acme.example]")
                .replace("""
                          - {id: acme-feed, kind: feed, url: "https://reviews.example/acme.xml", brand: acme}
                        """, ""));
        assertEquals(List.of("new-pr@acme.example"), edited.current().brand("acme").orElseThrow().recipients(),
                "the file's changed entry wins");
        assertTrue(edited.current().brand("globex").isEmpty(), "globex's entry did not change: still removed");
        assertTrue(edited.current().source("acme-feed").isEmpty(), "gone from the file, gone from the catalog");
        assertTrue(edited.current().brand("initech").isPresent());

        // What alert-service reads: the same catalog, with the recipients.
        try (CatalogView view = new CatalogView(KafkaConnection.plaintext(broker.bootstrapServers()), "alert-like",
                (r, why) -> { throw new AssertionError(why); }).start()) {
            view.awaitCaughtUp(WAIT);
            assertEquals(List.of("new-pr@acme.example"), view.brand("acme").orElseThrow().recipients());
            assertEquals(List.of("noc@example.com"), view.operators().orElseThrow().emails());
            assertTrue(view.source("acme-feed").isEmpty());
            assertTrue(view.record(CatalogRecord.sourceKey("acme-feed")).orElseThrow() instanceof CatalogRecord.Removal);
        }
    }

    @Test
    void aRestartWithAnUnchangedFileWritesNothing() {
        restart(store(FILE));
        long before = records().size();
        restart(store(FILE));
        assertEquals(before, records().size());
    }

    @Test
    void withoutAFileTheTopicAloneIsTheCatalog() {
        restart(store(FILE));
        CatalogStore noFile = store(null);
        assertEquals(List.of("acme", "globex"), noFile.current().brands().stream().map(Brand::id).toList());
    }

    @Test
    void theOldPrivateTopicsChangesAreCarriedOverOnceWhenTheCatalogIsEmpty() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> old = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            // As the previous version wrote them: API changes on top of the file.
            old.send(new ProducerRecord<>("earshot-ingest-catalog", "brand:initech",
                    "{\"id\":\"initech\",\"name\":\"Initech\",\"terms\":[\"Initech\"],\"exclude\":[],\"recipients\":[\"pr@initech.example\"]}")).get();
            old.send(new ProducerRecord<>("earshot-ingest-catalog", "brand:globex", "{\"removed\":true}")).get();
            old.send(new ProducerRecord<>("earshot-ingest-catalog", "brand:acme",
                    "{\"id\":\"acme\",\"name\":\"Acme Corp\",\"terms\":[\"Acme\"],\"exclude\":[],\"recipients\":[]}")).get();
        }
        CatalogStore s = store(FILE);
        assertEquals(List.of("pr@initech.example"), s.current().brand("initech").orElseThrow().recipients());
        assertTrue(s.current().brand("globex").isEmpty(), "removed over the API before: still removed");
        assertEquals("Acme Corp", s.current().brand("acme").orElseThrow().name(), "edited over the API before: still edited");
        restart(s);
        long before = records().size();
        CatalogStore again = store(FILE);
        assertEquals(before, records().size(), "carried over once");
        assertEquals("Acme Corp", again.current().brand("acme").orElseThrow().name());
    }

    private List<ConsumerRecord<String, String>> records() {
        return BrokerIngest.readAll(broker, Topics.CATALOG);
    }
}
