package dev.earshot.ingest.source;

import dev.earshot.events.CatalogBrand;
import dev.earshot.events.CatalogFile;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.CatalogView;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.Topics;
import dev.earshot.ingest.publish.AckedSender;
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
 * The live catalog, as the public compacted topic {@value #TOPIC} says it is; ingest-service is the topic's only
 * writer. At start it writes the operator's file into the topic ({@link FileReconcile}: changed entries, removals of
 * entries gone from the file, API changes kept), carrying over the old private topic's records once
 * ({@link CatalogCarryOver}); the API's changes are written there too, acknowledged by Kafka before the API answers.
 * A record on the topic that breaks the contract or ingest's rules is skipped, counted in
 * {@code earshot_ingest_catalog_refused_total{reason}} and dead-lettered to {@value #DLQ_TOPIC}; what was there
 * before it stays.
 */
public final class CatalogStore implements AutoCloseable {

    public static final String TOPIC = Topics.CATALOG;
    public static final String DLQ_TOPIC = Topics.CATALOG_DLQ;

    /** For carrying over and writing the file: Kafka's own round trips, not the catch-up's (which may be 0 s). */
    private static final Duration FILE_WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final CatalogFile file;
    private final KafkaClients kafka;
    private final CatalogView view;
    private final AckedSender sender;
    private final MeterRegistry registry;
    private boolean fileWritten;
    private volatile Cached cached = new Cached(-1, Catalog.empty());

    private record Cached(long version, Catalog catalog) {
    }

    /** @param file the operator's file; null when none is configured (then the topic alone is the catalog) */
    public CatalogStore(CatalogFile file, KafkaClients kafka, AckedSender sender, MeterRegistry registry) {
        this.file = file;
        this.kafka = kafka;
        this.sender = sender;
        this.registry = registry;
        this.view = new CatalogView(kafka.connection(), "earshot-ingest-" + TOPIC, CatalogRecords::check, this::refuse);
    }

    /** Starts reading the topic (from the beginning) and keeps following it. */
    public void start() {
        view.start();
    }

    /**
     * Waits until the records written so far are applied here; the first time, then writes the file into the topic.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}; a later call tries again
     */
    public void awaitCaughtUp(Duration timeout) {
        view.awaitCaughtUp(timeout);
        writeFileOnce();
    }

    private synchronized void writeFileOnce() {
        if (fileWritten) {
            return;
        }
        List<CatalogRecord> writes = new ArrayList<>();
        if (view.records().isEmpty()) {
            writes.addAll(CatalogCarryOver.records(kafka, file, FILE_WRITE_TIMEOUT));
            if (!writes.isEmpty()) {
                Log.infof("Carrying %d catalog change(s) over from %s to %s", writes.size(), CatalogCarryOver.OLD_TOPIC, TOPIC);
            }
        }
        if (file != null) {
            Map<String, CatalogRecord> current = new LinkedHashMap<>(view.records());
            writes.forEach(r -> current.put(r.key(), r));
            writes.addAll(FileReconcile.changes(file, current));
        }
        if (!writes.isEmpty()) {
            send(writes);
            Log.infof("Wrote %d catalog record(s) to %s (from the file and any carried over)", writes.size(), TOPIC);
        }
        fileWritten = true;
    }

    /** The catalog as it is now. */
    public Catalog current() {
        Cached c = cached;
        long version = view.version();
        if (c.version() != version) {
            List<Brand> brands = new ArrayList<>();
            view.brands().forEach(b -> brands.add(CatalogRecords.brand(b)));
            List<Source> sources = new ArrayList<>();
            view.sources().forEach(s -> sources.add(CatalogRecords.source(s)));
            c = new Cached(version, new Catalog(brands, sources));
            cached = c;
        }
        return c.catalog();
    }

    /** The brand as the contract has it (with what alert-service reads), or empty. */
    public Optional<CatalogBrand> brandRecord(String id) {
        return view.brand(id);
    }

    /**
     * Adds or replaces a brand; it keeps the fileHash of the record it replaces, so a file entry edited over the API
     * stays edited until the entry itself changes in the file.
     *
     * @return the problems that keep it from being saved; empty when it was saved
     */
    public List<String> putBrand(Brand brand) {
        String key = CatalogRecord.brandKey(brand.id());
        return change(new CatalogRecord.BrandSet(CatalogRecords.record(brand, fileHashOf(key))));
    }

    public List<String> putSource(Source source) {
        String key = CatalogRecord.sourceKey(source.id());
        return change(new CatalogRecord.SourceSet(CatalogRecords.record(source, fileHashOf(key))));
    }

    public List<String> removeBrand(String id) {
        String key = CatalogRecord.brandKey(id);
        return change(new CatalogRecord.Removal(key, fileHashOf(key)));
    }

    public List<String> removeSource(String id) {
        String key = CatalogRecord.sourceKey(id);
        return change(new CatalogRecord.Removal(key, fileHashOf(key)));
    }

    private String fileHashOf(String key) {
        return view.record(key).map(CatalogRecord::fileHash).orElse(null);
    }

    private synchronized List<String> change(CatalogRecord record) {
        try {
            CatalogRecords.check(record);
        } catch (MalformedEventException e) {
            return e.problems();
        }
        List<String> problems = CatalogValidator.problems(with(current(), record));
        if (!problems.isEmpty()) {
            return problems;
        }
        send(List.of(record));
        return List.of();
    }

    /** Writes and waits for Kafka's acknowledgement, then applies here at once (the view applies it again, harmlessly). */
    private void send(List<CatalogRecord> records) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        records.forEach(r -> out.add(new ProducerRecord<>(TOPIC, r.key(), r.valueJson().getBytes(StandardCharsets.UTF_8))));
        sender.sendAll(out);
        records.forEach(view::apply);
    }

    private static Catalog with(Catalog catalog, CatalogRecord change) {
        Map<String, Brand> brands = new LinkedHashMap<>();
        catalog.brands().forEach(b -> brands.put(b.id(), b));
        Map<String, Source> sources = new LinkedHashMap<>();
        catalog.sources().forEach(s -> sources.put(s.id(), s));
        String key = change.key();
        String id = key.substring(key.indexOf(':') + 1);
        if (change instanceof CatalogRecord.BrandSet b) {
            brands.put(id, CatalogRecords.brand(b.brand()));
        } else if (change instanceof CatalogRecord.SourceSet s) {
            sources.put(id, CatalogRecords.source(s.source()));
        } else if (key.startsWith(CatalogRecord.BRAND_PREFIX)) {
            brands.remove(id);
        } else if (key.startsWith(CatalogRecord.SOURCE_PREFIX)) {
            sources.remove(id);
        }
        return new Catalog(new ArrayList<>(brands.values()), new ArrayList<>(sources.values()));
    }

    private void refuse(ConsumerRecord<String, String> record, MalformedEventException why) {
        String reason = why.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException ? "unreadable" : "invalid";
        registry.counter("earshot.ingest.catalog.refused", "reason", reason).increment();
        Log.warnf("Skipping catalog record %s-%d@%d (dead-lettered to %s): %s", record.topic(), record.partition(),
                record.offset(), DLQ_TOPIC, why.getMessage());
        sender.sendAll(List.of(DeadLetters.of(DLQ_TOPIC, record, why.getMessage())));
    }

    @Override
    public void close() {
        view.close();
    }

}
