package dev.earshot.ingest.source;

import dev.earshot.ingest.publish.AckedSender;
import dev.earshot.ingest.publish.CompactedTopicView;
import dev.earshot.ingest.publish.DeadLetters;
import dev.earshot.ingest.publish.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The live catalog: the operator's file, with the changes made over the API on top. Changes are
 * kept in the compacted topic {@value #TOPIC}, so they survive restarts and every replica applies
 * them; a change is acknowledged by Kafka before the API answers. A record on the topic that breaks
 * the catalog's rules (written there by anything but this API) is skipped, counted in
 * {@code earshot_ingest_catalog_refused_total{reason}} and dead-lettered to {@value #DLQ_TOPIC}; what
 * was there before it stays.
 */
public final class CatalogStore implements AutoCloseable {

    /** Compacted, one partition (changes apply in order); key {@code brand:<id>} or {@code source:<id>}. */
    public static final String TOPIC = "earshot-ingest-catalog";
    /** Where catalog records that cannot be applied go, with why (the project's dead-letter headers). */
    public static final String DLQ_TOPIC = TOPIC + "-dlq";

    private final Catalog fromFile;
    private final Map<String, Optional<Object>> changes = new LinkedHashMap<>();
    private final CompactedTopicView view;
    private final AckedSender sender;
    private final MeterRegistry registry;
    private volatile Catalog current;

    public CatalogStore(Catalog fromFile, KafkaClients kafka, AckedSender sender, MeterRegistry registry) {
        this.fromFile = fromFile;
        this.current = fromFile;
        this.sender = sender;
        this.registry = registry;
        this.view = new CompactedTopicView(kafka, TOPIC, (key, json, atMs) -> apply(key, json), this::refuse);
    }

    /** Starts reading the changes (from the beginning) and keeps following them. */
    public void start() {
        view.start();
    }

    /** Waits until the changes made so far are applied here; throws when that takes longer than {@code timeout}. */
    public void awaitCaughtUp(Duration timeout) {
        view.awaitCaughtUp(timeout);
    }

    /** The catalog as it is now. */
    public Catalog current() {
        return current;
    }

    /**
     * Adds or replaces a brand.
     *
     * @return the problems that keep it from being saved; empty when it was saved
     */
    public List<String> putBrand(Brand brand) {
        return change(CatalogRecords.BRAND + brand.id(), brand);
    }

    public List<String> putSource(Source source) {
        return change(CatalogRecords.SOURCE + source.id(), source);
    }

    public List<String> removeBrand(String id) {
        return change(CatalogRecords.BRAND + id, null);
    }

    public List<String> removeSource(String id) {
        return change(CatalogRecords.SOURCE + id, null);
    }

    private synchronized List<String> change(String key, Object value) {
        Map<String, Optional<Object>> next = new LinkedHashMap<>(changes);
        next.put(key, Optional.ofNullable(value));
        List<String> problems = CatalogValidator.problems(merge(next));
        if (!problems.isEmpty()) {
            return problems;
        }
        String json = CatalogRecords.write(value);
        sender.sendAll(List.of(new ProducerRecord<>(TOPIC, key, json.getBytes(StandardCharsets.UTF_8))));
        apply(key, json); // the view applies it again when it reads it back; applying twice is harmless
        return List.of();
    }

    /** @throws CatalogRecords.Refused when the record cannot be applied; nothing changes then */
    private synchronized void apply(String key, String json) {
        changes.put(key, CatalogRecords.read(key, json));
        current = merge(changes);
    }

    private void refuse(ConsumerRecord<String, String> record, RuntimeException why) {
        String kind = why instanceof CatalogRecords.Refused r ? r.kind : "unreadable";
        registry.counter("earshot.ingest.catalog.refused", "reason", kind).increment();
        Log.warnf("Skipping catalog record %s-%d@%d (dead-lettered to %s): %s", record.topic(), record.partition(),
                record.offset(), DLQ_TOPIC, why.getMessage());
        sender.sendAll(List.of(DeadLetters.of(DLQ_TOPIC, record, why.getMessage())));
    }

    private Catalog merge(Map<String, Optional<Object>> overlay) {
        Map<String, Brand> brands = new LinkedHashMap<>();
        fromFile.brands().forEach(b -> brands.put(b.id(), b));
        Map<String, Source> sources = new LinkedHashMap<>();
        fromFile.sources().forEach(s -> sources.put(s.id(), s));
        overlay.forEach((key, value) -> {
            String id = key.substring(key.indexOf(':') + 1);
            if (key.startsWith(CatalogRecords.BRAND)) {
                value.ifPresentOrElse(v -> brands.put(id, (Brand) v), () -> brands.remove(id));
            } else if (key.startsWith(CatalogRecords.SOURCE)) {
                value.ifPresentOrElse(v -> sources.put(id, (Source) v), () -> sources.remove(id));
            }
        });
        return new Catalog(new ArrayList<>(brands.values()), new ArrayList<>(sources.values()));
    }

    @Override
    public void close() {
        view.close();
    }
}
