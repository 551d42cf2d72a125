package dev.earshot.load;

import dev.earshot.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The soak's traffic, on its own thread: calm mentions at a rate the run sets (and changes for its
 * phases), a complaint storm about one brand for a minute every five, and a furious mention of a
 * fresh probe brand at a fixed cadence (each must raise one instant-alert email). Only what Kafka
 * acknowledged counts as sent.
 */
final class SoakTraffic implements AutoCloseable {

    static final Duration STORM_EVERY = Duration.ofMinutes(5);
    static final Duration STORM_LENGTH = Duration.ofMinutes(1);
    /** Complaints a second about the storming brand, against its calm share of the rate. */
    static final int STORM_PER_SECOND = 20;
    private static final long TICK_MILLIS = 100;

    private final KafkaProducer<String, byte[]> producer;
    private final int brands;
    private final Duration probeEvery;
    private final MentionGenerator calm;
    private final MentionGenerator storms;
    private final IdTally sent = new IdTally();
    private final List<String> probes = new CopyOnWriteArrayList<>();
    private final AtomicLong sendErrors = new AtomicLong();
    private final Thread thread;
    private volatile int perSecond;
    private volatile boolean running = true;
    private volatile boolean quiet;
    private volatile String storming;

    SoakTraffic(String bootstrap, int brands, Duration probeEvery) {
        this.brands = brands;
        this.probeEvery = probeEvery;
        this.calm = new MentionGenerator(41, brands, true);
        this.storms = new MentionGenerator(43, brands);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.thread = new Thread(this::loop, "soak-traffic");
    }

    /** Starts sending calm mentions at this rate (with storms and probes). */
    void start(int calmPerSecond) {
        perSecond = calmPerSecond;
        thread.start();
    }

    /** The calm rate from now on; storms and probes go on. */
    void rate(int calmPerSecond) {
        perSecond = calmPerSecond;
    }

    /** Sends nothing from now on: no calm mentions, storms or probes. */
    void quiet() {
        quiet = true;
        perSecond = 0;
    }

    /** Sends one probe now and waits for Kafka's ack; returns its brand. */
    String probeNow() {
        String brand = "probe-" + probes.size();
        send(new MentionGenerator.KeyedPayload(brand, LatencyRun.probe(brand)));
        probes.add(brand);
        producer.flush();
        return brand;
    }

    /** Stops all traffic and waits until what was sent is acknowledged. */
    @Override
    public void close() {
        running = false;
        perSecond = 0;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofMinutes(1));
    }

    IdTally sent() {
        return sent;
    }

    List<String> probes() {
        return List.copyOf(probes);
    }

    long sendErrors() {
        return sendErrors.get();
    }

    int rate() {
        return perSecond;
    }

    /** The brand storming now, or null. */
    String storming() {
        return storming;
    }

    /** Which calm brand storms at this point of the run, or -1: the k-th storm starts at minute 2 + 5k. */
    static int stormingBrand(Duration elapsed, int brands) {
        long offset = elapsed.minus(Duration.ofMinutes(2)).toMillis();
        if (offset < 0 || offset % STORM_EVERY.toMillis() >= STORM_LENGTH.toMillis()) {
            return -1;
        }
        return (int) ((offset / STORM_EVERY.toMillis()) * 7 % brands);
    }

    private void loop() {
        long start = System.nanoTime();
        long nextProbe = start + probeEvery.toNanos() / 2;
        long next = start;
        double calmDue = 0;
        double stormDue = 0;
        while (running) {
            if (quiet) {
                sleepUntil(next += TICK_MILLIS * 1_000_000);
                continue;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            calmDue += perSecond * TICK_MILLIS / 1000.0;
            for (; calmDue >= 1; calmDue--) {
                send(calm.next());
            }
            int storm = stormingBrand(elapsed, brands);
            storming = storm < 0 ? null : "brand-" + storm;
            stormDue = storm < 0 ? 0 : stormDue + STORM_PER_SECOND * TICK_MILLIS / 1000.0;
            for (; stormDue >= 1; stormDue--) {
                send(storms.complaint(storm));
            }
            if (System.nanoTime() >= nextProbe) {
                String brand = "probe-" + probes.size();
                send(new MentionGenerator.KeyedPayload(brand, LatencyRun.probe(brand)));
                probes.add(brand);
                nextProbe += probeEvery.toNanos();
            }
            next += TICK_MILLIS * 1_000_000;
            sleepUntil(next);
        }
        producer.flush();
    }

    private void send(MentionGenerator.KeyedPayload p) {
        String id = MentionGenerator.idOf(p.value());
        producer.send(new ProducerRecord<>(Topics.MENTIONS, p.key(), p.value()), (metadata, error) -> {
            if (error == null) {
                sent.add(id);
            } else {
                sendErrors.incrementAndGet();
            }
        });
    }

    private static void sleepUntil(long nanoTime) {
        long sleep = nanoTime - System.nanoTime();
        if (sleep > 0) {
            try {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
