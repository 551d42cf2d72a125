package dev.earshot.console.intake;

import dev.earshot.events.Alert;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.EventJson;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the public topics ({@code mentions-scored}, {@code alerts}, {@code monitors}, {@code catalog}) into the store. Each poll's records are written in one database transaction, and the
 * offsets are committed only after it; a record that breaks the contract is counted
 * ({@code earshot_console_records_refused_total{topic}}), dead-lettered and skipped. When the database fails, the
 * batch is read again from the last committed offsets after a pause: nothing is skipped.
 */
@ApplicationScoped
public class TopicIntake {

    /** The consumer group; its committed offsets are how far the store is. */
    public static final String GROUP = "earshot-console";
    static final List<String> TOPICS = List.of(Topics.MENTIONS_SCORED, Topics.ALERTS, Topics.MONITORS, Topics.CATALOG);

    private final KafkaConnection kafka;
    private final DataSource store;
    private final MeterRegistry metrics;
    private volatile boolean running;
    private volatile boolean healthy;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread loop;

    public TopicIntake(KafkaConnection kafka, DataSource store, MeterRegistry metrics) {
        this.kafka = kafka;
        this.store = store;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent ev) {
        running = true;
        loop = new Thread(this::run, "console-intake");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (loop != null) {
            loop.join(10_000);
        }
    }

    /** For the readiness check: the loop runs and its last batch was stored. */
    public boolean healthy() {
        return running && healthy && loop != null && loop.isAlive();
    }

    private void run() {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "earshot-console");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The owners create their topics (catalog: compacted, one partition); a reader must never make one.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        DeadLetters.createTopicIfMissing(kafka);
        try (DeadLetters dlq = new DeadLetters(kafka);
                KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            consumer = c;
            c.subscribe(TOPICS);
            healthy = true;
            while (running) {
                ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    continue;
                }
                try {
                    store(batch, dlq);
                    c.commitSync();
                    healthy = true;
                } catch (SQLException | RuntimeException e) {
                    healthy = false;
                    Log.warnf("Could not store %d records, reading them again in 2 s: %s", batch.count(), e.toString());
                    rewind(c, batch);
                    Thread.sleep(2_000);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            healthy = false;
            Log.error("The console's topic intake stopped", e);
        }
    }

    private void store(ConsumerRecords<byte[], byte[]> batch, DeadLetters dlq) throws SQLException {
        try (Connection db = store.getConnection()) {
            db.setAutoCommit(false);
            try {
                StoreWriter writer = new StoreWriter(db);
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    String json = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
                    Savepoint before = db.setSavepoint();
                    try {
                        switch (r.topic()) {
                            case Topics.MENTIONS_SCORED -> writer.mention(EventJson.read(json, ScoredMention.class));
                            case Topics.ALERTS -> writer.alert(EventJson.read(json, Alert.class));
                            case Topics.MONITORS -> writer.monitor(EventJson.read(json, MonitorEvent.class));
                            case Topics.CATALOG -> writer.catalog(CatalogRecord.read(key(r), json), r.offset());
                            default -> throw new MalformedEventException("not a topic the console reads");
                        }
                        metrics.counter("earshot.console.records.stored", "topic", r.topic()).increment();
                    } catch (MalformedEventException e) {
                        metrics.counter("earshot.console.records.refused", "topic", r.topic()).increment();
                        Log.warnf("Dead-lettered %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
                        dlq.send(r, e.getMessage());
                    } catch (SQLException e) {
                        if (!isBadData(e)) {
                            throw e;
                        }
                        // The database refuses this record's content (not the connection): skip it, never the stream.
                        db.rollback(before);
                        metrics.counter("earshot.console.records.refused", "topic", r.topic()).increment();
                        Log.warnf("Dead-lettered %s-%d@%d: the store refused it: %s", r.topic(), r.partition(),
                                r.offset(), e.getMessage());
                        dlq.send(r, "the console's store refused it: " + e.getMessage());
                    }
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
    }

    /** SQLSTATE class 22 (data exception) or 23 (integrity): the record is at fault, retrying would not help. */
    static boolean isBadData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static void rewind(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> batch) {
        for (TopicPartition tp : batch.partitions()) {
            OffsetAndMetadata committed = c.committed(java.util.Set.of(tp)).get(tp);
            c.seek(tp, committed == null ? batch.records(tp).get(0).offset() : committed.offset());
        }
    }
}
