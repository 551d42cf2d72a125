package dev.earshot.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The catalog as the topic {@value Topics#CATALOG} says it is now: follows the topic from its beginning (outside any
 * consumer group, so every replica of every service sees all of it), applies each record in order through
 * {@link CatalogRecord#read}, and answers {@link #brand}, {@link #brands}, {@link #sources}. A record that does not
 * follow the contract is handed to the refusal handler (the owner counts and dead-letters it) and skipped: what was
 * there before it stays.
 */
public final class CatalogView implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.CATALOG, 0);

    /** Gets a record the view refused, and why. */
    public interface Refusals {
        void refused(ConsumerRecord<String, String> record, MalformedEventException why);
    }

    private final KafkaConnection connection;
    private final String clientId;
    private final Consumer<CatalogRecord> check;
    private final Refusals refusals;
    private final Map<String, CatalogRecord> records = new LinkedHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final Object progress = new Object();
    private volatile long position = -1;
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private KafkaConsumer<String, String> consumer;
    private Admin admin;
    private Thread thread;

    /**
     * @param check    a reader's own rules on top of the contract's (throws {@link MalformedEventException} to refuse)
     * @param refusals gets each refused record; a handler that throws is logged and the view reads on
     */
    public CatalogView(KafkaConnection connection, String clientId, Consumer<CatalogRecord> check, Refusals refusals) {
        this.connection = connection;
        this.clientId = clientId;
        this.check = check;
        this.refusals = refusals;
    }

    public CatalogView(KafkaConnection connection, String clientId, Refusals refusals) {
        this(connection, clientId, r -> { }, refusals);
    }

    /** Starts reading from the beginning; returns at once ({@link #awaitCaughtUp} waits). The topic must exist. */
    public synchronized CatalogView start() {
        Properties p = connection.properties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(PARTITION));
        consumer.seekToBeginning(List.of(PARTITION));
        admin = Admin.create(connection.properties());
        thread = new Thread(this::run, "catalog-view-" + clientId);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        long backoffMs = 200;
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        take(r);
                    }
                    position = consumer.position(PARTITION);
                    failure = null;
                    backoffMs = 200;
                } catch (WakeupException e) {
                    return; // closing
                } catch (RuntimeException e) {
                    // Kafka unreachable or a broken fetch: keep the position and read on, so the view never stops following.
                    if (failure == null) {
                        System.getLogger(CatalogView.class.getName()).log(System.Logger.Level.ERROR,
                                "Cannot read " + Topics.CATALOG + " for now; retrying", e);
                    }
                    failure = e;
                    Thread.sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, 10_000);
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void take(ConsumerRecord<String, String> r) {
        CatalogRecord record;
        try {
            record = CatalogRecord.read(r.key(), r.value());
            check.accept(record);
        } catch (MalformedEventException e) {
            try {
                refusals.refused(r, e);
            } catch (RuntimeException handlerFailed) { // e.g. the DLQ is unreachable: following the topic matters more
                System.getLogger(CatalogView.class.getName()).log(System.Logger.Level.ERROR, "Could not hand on the"
                        + " refused record " + r.topic() + "@" + r.offset() + " (" + e.getMessage() + ")", handlerFailed);
            }
            return;
        }
        apply(record);
    }

    /** Applies a record this process just wrote, so its own reads see it before the view reads it back. */
    public void apply(CatalogRecord record) {
        synchronized (records) {
            records.remove(record.key()); // re-inserted last: the order of the topic
            records.put(record.key(), record);
        }
        version.incrementAndGet();
    }

    /** Grows with every record applied: a cache of something computed from the view is stale when it differs. */
    public long version() {
        return version.get();
    }

    /** The latest record of every key, removals included, in the order they were applied. */
    public Map<String, CatalogRecord> records() {
        synchronized (records) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
        }
    }

    /** The latest record of the key, a removal included. */
    public Optional<CatalogRecord> record(String key) {
        synchronized (records) {
            return Optional.ofNullable(records.get(key));
        }
    }

    public Optional<CatalogBrand> brand(String id) {
        return record(CatalogRecord.brandKey(id)).filter(r -> r instanceof CatalogRecord.BrandSet)
                .map(r -> ((CatalogRecord.BrandSet) r).brand());
    }

    public Optional<CatalogSource> source(String id) {
        return record(CatalogRecord.sourceKey(id)).filter(r -> r instanceof CatalogRecord.SourceSet)
                .map(r -> ((CatalogRecord.SourceSet) r).source());
    }

    public List<CatalogBrand> brands() {
        List<CatalogBrand> out = new ArrayList<>();
        synchronized (records) {
            records.values().forEach(r -> {
                if (r instanceof CatalogRecord.BrandSet b) {
                    out.add(b.brand());
                }
            });
        }
        return out;
    }

    public List<CatalogSource> sources() {
        List<CatalogSource> out = new ArrayList<>();
        synchronized (records) {
            records.values().forEach(r -> {
                if (r instanceof CatalogRecord.SourceSet s) {
                    out.add(s.source());
                }
            });
        }
        return out;
    }

    /** The operators list, when the catalog has one. */
    public Optional<CatalogOperators> operators() {
        return record(CatalogRecord.OPERATORS_KEY).filter(r -> r instanceof CatalogRecord.OperatorsSet)
                .map(r -> ((CatalogRecord.OperatorsSet) r).operators());
    }

    /**
     * Waits until every record written to the topic before this call has been applied (or refused).
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}; reading goes on, so a later call may succeed
     */
    public void awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long end;
        try {
            end = admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest())).partitionResult(PARTITION)
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end of " + Topics.CATALOG + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        synchronized (progress) {
            while (end > 0 && position < end) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    RuntimeException f = failure;
                    throw new IllegalStateException("did not catch up with " + Topics.CATALOG + " within " + timeout
                            + (f == null ? "" : " (reading it fails: " + f.getMessage() + ")"));
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
