package dev.earshot.alert.catalog;

import dev.earshot.alert.messaging.DeadLetters;
import dev.earshot.events.CatalogAlerting;
import dev.earshot.events.CatalogBrand;
import dev.earshot.events.CatalogOperators;
import dev.earshot.events.CatalogView;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The brands, recipients and per-brand alert settings as the public {@code catalog} topic says they are now
 * (brands added over ingest-service's API included), read through the contract's checked reader
 * ({@link CatalogView}). A record the reader refuses is counted
 * ({@code earshot_alerts_catalog_refused_total}), dead-lettered to {@code catalog-dlq} and skipped; what the
 * catalog said before it stays.
 */
public final class CatalogTopic implements AutoCloseable {

    private final CatalogView view;
    private final KafkaProducer<String, String> deadLetters;
    private final MeterRegistry metrics;

    public CatalogTopic(KafkaConnection kafka, MeterRegistry metrics) {
        this.metrics = metrics;
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "alert-service-catalog-dead-letters");
        this.deadLetters = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.view = new CatalogView(kafka, "alert-service-catalog", this::refused);
    }

    public CatalogTopic start(Duration catchUp) {
        view.start();
        try {
            view.awaitCaughtUp(catchUp);
        } catch (IllegalStateException e) {
            // Reading goes on: brands arrive as the view catches up, the file's until then.
            Log.warnf("The catalog topic is not read up to its end yet (%s); reading on", e.getMessage());
        }
        return this;
    }

    /** The brand as the topic has it, in the shape the rest of the service reads. */
    public Optional<BrandCatalog.Brand> brand(String id) {
        return view.brand(id).map(CatalogTopic::brand);
    }

    /** The installation's operators, when the catalog names them. */
    public Optional<List<String>> operators() {
        return view.operators().map(CatalogOperators::emails).filter(e -> !e.isEmpty());
    }

    static BrandCatalog.Brand brand(CatalogBrand b) {
        CatalogAlerting a = b.alerting();
        BrandCatalog.Alerting alerting = a == null ? null : new BrandCatalog.Alerting(a.instantThreshold(),
                a.crisisThreshold(), a.highSeverityBelow(), a.crisisTerms(), a.spikeWindowMinutes(), a.spikeMaxPValue(),
                a.spikeMinCount(), a.priorPerDay(), a.shareJump(), a.driftDrop(), a.driftMinMentions());
        return new BrandCatalog.Brand(b.id(), b.displayName(), b.recipients(), b.aspectRecipients(), b.escalation(),
                b.slackWebhook(), alerting);
    }

    private void refused(ConsumerRecord<String, String> record, MalformedEventException why) {
        metrics.counter("earshot.alerts.catalog.refused").increment();
        metrics.counter("earshot.alerts.dead.letters", "topic", Topics.CATALOG).increment();
        Log.warnf("Catalog record %s@%d (key %s) refused, sent to %s: %s", record.topic(), record.offset(),
                record.key(), Topics.CATALOG_DLQ, why.getMessage());
        try {
            deadLetters.send(new ProducerRecord<>(Topics.CATALOG_DLQ, null, record.key(), record.value(),
                    DeadLetters.headers(record.headers(), why.getMessage(), record.topic(), record.partition(),
                            record.offset()))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot dead-letter a refused catalog record: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        view.close();
        deadLetters.close(Duration.ofSeconds(5));
    }
}
