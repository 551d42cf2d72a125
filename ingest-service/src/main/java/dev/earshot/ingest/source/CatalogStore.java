package dev.earshot.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.earshot.ingest.publish.AckedSender;
import dev.earshot.ingest.publish.CompactedTopicView;
import dev.earshot.ingest.publish.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The live catalog: the operator's file, with the changes made over the API on top. Changes are
 * kept in the compacted topic {@value #TOPIC}, so they survive restarts and every replica applies
 * them; a change is acknowledged by Kafka before the API answers.
 */
public final class CatalogStore implements AutoCloseable {

    /** Compacted, one partition (changes apply in order); key {@code brand:<id>} or {@code source:<id>}. */
    public static final String TOPIC = "earshot-ingest-catalog";
    /** The value that records a removal (a tombstone would be compacted away and bring the file's entry back). */
    static final String REMOVED = "{\"removed\":true}";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Catalog fromFile;
    private final Map<String, Optional<Object>> changes = new LinkedHashMap<>();
    private final CompactedTopicView view;
    private final AckedSender sender;
    private volatile Catalog current;

    public CatalogStore(Catalog fromFile, KafkaClients kafka, AckedSender sender) {
        this.fromFile = fromFile;
        this.current = fromFile;
        this.sender = sender;
        this.view = new CompactedTopicView(kafka, TOPIC, this::apply);
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
        return change("brand:" + brand.id(), brand);
    }

    public List<String> putSource(Source source) {
        return change("source:" + source.id(), source);
    }

    public List<String> removeBrand(String id) {
        return change("brand:" + id, null);
    }

    public List<String> removeSource(String id) {
        return change("source:" + id, null);
    }

    private synchronized List<String> change(String key, Object value) {
        Map<String, Optional<Object>> next = new LinkedHashMap<>(changes);
        next.put(key, Optional.ofNullable(value));
        List<String> problems = CatalogValidator.problems(merge(next));
        if (!problems.isEmpty()) {
            return problems;
        }
        String json;
        try {
            json = value == null ? REMOVED : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        sender.sendAll(List.of(new ProducerRecord<>(TOPIC, key, json.getBytes(StandardCharsets.UTF_8))));
        apply(key, json); // the view applies it again when it reads it back; applying twice is harmless
        return List.of();
    }

    private synchronized void apply(String key, String json) {
        if (json == null || json.equals(REMOVED)) {
            changes.put(key, Optional.empty());
        } else {
            try {
                Object value = key.startsWith("brand:") ? JSON.readValue(json, Brand.class) : JSON.readValue(json, Source.class);
                changes.put(key, Optional.of(value));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("unreadable catalog change " + key + ": " + e.getOriginalMessage(), e);
            }
        }
        current = merge(changes);
    }

    private Catalog merge(Map<String, Optional<Object>> overlay) {
        Map<String, Brand> brands = new LinkedHashMap<>();
        fromFile.brands().forEach(b -> brands.put(b.id(), b));
        Map<String, Source> sources = new LinkedHashMap<>();
        fromFile.sources().forEach(s -> sources.put(s.id(), s));
        overlay.forEach((key, value) -> {
            String id = key.substring(key.indexOf(':') + 1);
            if (key.startsWith("brand:")) {
                value.ifPresentOrElse(v -> brands.put(id, (Brand) v), () -> brands.remove(id));
            } else if (key.startsWith("source:")) {
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
