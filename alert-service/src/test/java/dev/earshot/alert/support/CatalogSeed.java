package dev.earshot.alert.support;

import dev.earshot.events.CatalogFile;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What ingest-service does in the product, done for alert-service's tests: writes the test catalog
 * ({@code src/test/resources/catalog.yaml}, checked by the contract's schema) to the {@code catalog} topic after
 * the topics exist and before alert-service starts reading it.
 */
@ApplicationScoped
public class CatalogSeed {

    public static final Path FILE = Path.of("src/test/resources/catalog.yaml");

    void seed(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event, KafkaConnection kafka) {
        write(kafka.properties(), FILE);
    }

    /** Writes every entry of the catalog file as the record ingest-service writes for it, and waits for the acks. */
    public static void write(Properties connection, Path file) {
        CatalogFile catalog;
        try {
            catalog = CatalogFile.read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(connection, new StringSerializer(),
                new StringSerializer())) {
            for (CatalogRecord record : catalog.records()) {
                producer.send(new ProducerRecord<>(Topics.CATALOG, record.key(), record.valueJson()))
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the test catalog to " + Topics.CATALOG + ": " + e, e);
        }
    }
}
