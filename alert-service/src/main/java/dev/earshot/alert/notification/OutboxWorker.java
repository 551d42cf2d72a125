package dev.earshot.alert.notification;

import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.messaging.DeadLetters;
import dev.earshot.events.EventJson;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers the notifications outside Kafka Streams: a plain consumer of the notifications topic on
 * its own thread, so a slow or black-holed mail server never holds a stream transaction (nor the
 * detection of any brand). Each record is handed to the {@link Outbox}; the group's offset of a
 * partition is committed only past records whose deliveries are all done (sent or given up) and whose
 * sent markers Kafka acknowledged. A crash re-reads from there, and the markers skip what was sent.
 */
@Singleton
public class OutboxWorker {

    /** Where one notification came from, so offsets stay behind the deliveries still waiting. */
    record Origin(TopicPartition partition, long offset) {
    }

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    /** A record can take a send timeout per channel; five a poll stays far inside the poll interval. */
    private static final int MAX_POLL_RECORDS = 5;
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(15);

    private final List<Channel> channels;
    private final AlertConfig config;
    private final KafkaConnection kafka;
    private final MeterRegistry metrics;
    /** Per partition: the offset after the last record handed to the outbox, and the last one committed. */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean alive = true;

    @Inject
    public OutboxWorker(Instance<Channel> channels, AlertConfig config,
            KafkaConnection kafka, MeterRegistry metrics) {
        this(channels.stream().toList(), config, kafka, metrics);
    }

    public OutboxWorker(List<Channel> channels, AlertConfig config, KafkaConnection kafka, MeterRegistry metrics) {
        this.channels = List.copyOf(channels);
        this.config = config;
        this.kafka = kafka;
        this.metrics = metrics;
    }

    /** After the topics are created (AlertTopics); runs on its own thread. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        running = true;
        alive = true;
        thread = new Thread(this::run, "alert-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(40_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** False only when the delivery thread died of an error (out of memory, a bug): liveness shows it. */
    public boolean alive() {
        return alive;
    }

    private String markerTopic() {
        return config.streams().applicationId() + "-outbox-sent";
    }

    /** Runs delivery sessions until stopped; a session that fails to set up (Kafka away at start) is begun again. */
    private void run() {
        try {
            while (running) {
                try {
                    session();
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    Log.warnf("Notification delivery could not start, trying again: %s", e.toString());
                    pause(Duration.ofSeconds(5));
                }
            }
        } catch (Error e) {
            alive = false;
            Log.errorf(e, "Notification delivery stopped");
            throw e;
        } finally {
            consumer = null;
        }
    }

    private void session() {
        AlertConfig.Notify notify = config.notifications();
        next.clear();
        committed.clear();
        try (SentMarkerTopic markers = new SentMarkerTopic(markerTopic(), kafka);
                KafkaProducer<String, String> dlq = dlqProducer();
                KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                        new StringDeserializer())) {
            consumer = c;
            if (!running) {
                return; // stopped while this session was being set up
            }
            createMarkerTopic();
            Outbox outbox = new Outbox(channels, notify.retryInitial(), notify.retryMax(), notify.giveUpAfter(), markers,
                    metrics);
            markers.catchUp(KAFKA_TIMEOUT, System.currentTimeMillis());
            c.subscribe(List.of(Notification.TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(c, outbox, markers);
                    outbox.forget(o -> partitions.contains(((Origin) o).partition()));
                    partitions.forEach(tp -> {
                        next.remove(tp);
                        committed.remove(tp);
                    });
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // The previous owner's markers, so nothing it delivered is delivered again.
                    markers.catchUp(KAFKA_TIMEOUT, System.currentTimeMillis());
                    startWhereStreamsLeftOff(c, partitions);
                }
            });
            Log.infof("Delivering notifications from %s (sent markers on %s, %d known)",
                    Notification.TOPIC, markerTopic(), markers.size());
            while (running) {
                try {
                    pass(c, outbox, markers, dlq, notify.tick());
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    // Kafka unreachable, a commit refused during a rebalance, a dead letter not written: nothing
                    // is lost (offsets stay behind, and the records not handed over are read again), so keep
                    // going after a pause.
                    Log.warnf("Notification delivery pass failed, retrying: %s", e.toString());
                    rewind(c);
                    pause(notify.tick());
                }
            }
            commit(c, outbox, markers);
        }
    }

    private void pass(KafkaConsumer<String, String> c, Outbox outbox, SentMarkerTopic markers,
            KafkaProducer<String, String> dlq, Duration tick) {
        var records = c.poll(tick);
        outbox.startPass();
        for (ConsumerRecord<String, String> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            hand(r, outbox, dlq);
            next.put(tp, r.offset() + 1);
        }
        // The position is past the transaction markers Kafka Streams writes after each record; committing
        // only "last record + 1" would leave a lag of one marker that operators' tools never see clear.
        for (TopicPartition tp : c.assignment()) {
            next.merge(tp, c.position(tp, KAFKA_TIMEOUT), Math::max);
        }
        outbox.retryDue(System.currentTimeMillis());
        commit(c, outbox, markers);
    }

    /** Commits each partition up to its oldest delivery still waiting, once Kafka has the sent markers. */
    private void commit(KafkaConsumer<String, String> c, Outbox outbox, SentMarkerTopic markers) {
        if (next.isEmpty() || !markers.saved()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        for (Object o : outbox.waitingOrigins()) {
            Origin origin = (Origin) o;
            offsets.computeIfPresent(origin.partition(),
                    (tp, at) -> at.offset() <= origin.offset() ? at : new OffsetAndMetadata(origin.offset()));
        }
        offsets.entrySet().removeIf(e -> e.getValue().equals(committed.get(e.getKey())));
        if (!offsets.isEmpty()) {
            c.commitSync(offsets, KAFKA_TIMEOUT);
            committed.putAll(offsets);
        }
    }

    /**
     * Upgrading from the version that delivered inside Kafka Streams: a partition this group never
     * committed starts where that version's Streams group (the application id) left off, not at the
     * beginning. Its sent markers were in a store this worker does not read, so re-reading the topic
     * from the beginning would send every email of the last week again.
     */
    private void startWhereStreamsLeftOff(KafkaConsumer<String, String> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> ours = c.committed(new HashSet<>(partitions), KAFKA_TIMEOUT);
        List<TopicPartition> fresh = partitions.stream().filter(tp -> ours.get(tp) == null).toList();
        if (fresh.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> streams = admin
                    .listConsumerGroupOffsets(config.streams().applicationId()).partitionsToOffsetAndMetadata()
                    .get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (TopicPartition tp : fresh) {
                OffsetAndMetadata at = streams.get(tp);
                if (at != null) {
                    c.seek(tp, at.offset());
                    Log.infof("%s starts at %d, where the earlier in-stream outbox left off", tp, at.offset());
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of group " + config.streams().applicationId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading group offsets", e);
        }
    }

    private Admin admin() {
        return Admin.create(kafka.properties());
    }

    /**
     * Hands one record to the outbox, or dead-letters it: a record that is not a notification, or one the
     * outbox cannot act on, must never hold up the deliveries behind it.
     */
    private void hand(ConsumerRecord<String, String> r, Outbox outbox, KafkaProducer<String, String> dlq) {
        Notification n;
        try {
            n = EventJson.read(r.value(), Notification.class); // the checked reader, as for the public topics
        } catch (MalformedEventException e) {
            deadLetter(r, dlq, "unreadable", firstLine(e.getMessage()));
            return;
        }
        Optional<String> problem = n.problem();
        if (problem.isPresent()) {
            deadLetter(r, dlq, "unactionable", "a notification that cannot be delivered: " + problem.get());
            return;
        }
        try {
            outbox.offer(n, new Origin(new TopicPartition(r.topic(), r.partition()), r.offset()),
                    System.currentTimeMillis());
        } catch (RuntimeException e) {
            // A channel could not even decide about it (a shape no check foresaw): a bug, not a reason to stop.
            deadLetter(r, dlq, "unactionable", "a channel failed on it: " + e);
        }
    }

    /** Written and acknowledged before the worker moves past the record. */
    private void deadLetter(ConsumerRecord<String, String> r, KafkaProducer<String, String> dlq, String kind,
            String reason) {
        try {
            dlq.send(new ProducerRecord<>(Topics.MENTIONS_SCORED_DLQ, null, r.key(), r.value(),
                    DeadLetters.headers(r.headers(), reason, r.topic(), r.partition(), r.offset())))
                    .get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write a dead letter to " + Topics.MENTIONS_SCORED_DLQ, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        }
        metrics.counter("earshot.alerts.notifications.refused", "reason", kind).increment();
        metrics.counter("earshot.alerts.dead.letters", "topic", r.topic()).increment();
        Log.warnf("Notification record %s-%d@%d sent to %s: %s", r.topic(), r.partition(), r.offset(),
                Topics.MENTIONS_SCORED_DLQ, reason);
    }

    /** After a failed pass: read again from the first record not handed over (or the last commit). */
    private void rewind(KafkaConsumer<String, String> c) {
        try {
            Set<TopicPartition> assigned = c.assignment();
            Map<TopicPartition, OffsetAndMetadata> last = c.committed(assigned, KAFKA_TIMEOUT);
            for (TopicPartition tp : assigned) {
                Long at = next.get(tp);
                OffsetAndMetadata om = last.get(tp);
                if (at != null) {
                    c.seek(tp, at);
                } else if (om != null) {
                    c.seek(tp, om.offset());
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("Could not rewind the notification consumer (the next session re-reads): %s", e.toString());
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private KafkaProducer<String, String> dlqProducer() {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private Properties consumerProps() {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.streams().applicationId() + "-outbox");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_POLL_RECORDS));
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(MAX_POLL_INTERVAL.toMillis()));
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(config.streams().sessionTimeout().toMillis()));
        return p;
    }

    private void createMarkerTopic() {
        try (Admin admin = admin()) {
            NewTopic topic = new NewTopic(markerTopic(), Optional.of(config.streams().partitions()), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete",
                            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(SentMarkerTopic.RETENTION.toMillis())));
            admin.createTopics(List.of(topic)).all().get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + markerTopic(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create " + markerTopic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + markerTopic(), e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
