package dev.earshot.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.earshot.events.Ids;
import java.util.List;
import java.util.Optional;

/**
 * Reads one record of the catalog topic into a change, or refuses it. Anyone who can write to the topic
 * can write anything there, so a record gets the same rules as a change made over the API, and its key
 * must name the id its value carries.
 */
final class CatalogRecords {

    static final String BRAND = "brand:";
    static final String SOURCE = "source:";
    /** The value that records a removal (a tombstone would be compacted away and bring the file's entry back). */
    static final String REMOVED = "{\"removed\":true}";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** A record that cannot be applied; {@link #kind} is the metric tag. */
    static final class Refused extends IllegalArgumentException {
        final String kind;

        Refused(String kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    private CatalogRecords() {
    }

    /**
     * @return the brand or source the record sets, or empty when it removes one
     * @throws Refused saying why the record cannot be applied
     */
    static Optional<Object> read(String key, String json) {
        boolean brand = key != null && key.startsWith(BRAND);
        if (!brand && (key == null || !key.startsWith(SOURCE))) {
            throw new Refused("unknown_key", "key " + Ids.quoted(key) + " is neither brand:<id> nor source:<id>");
        }
        String id = key.substring(key.indexOf(':') + 1);
        if (!Ids.isCatalogId(id)) {
            throw new Refused("invalid", "key " + Ids.quoted(key) + ": the id" + CatalogValidator.ID_RULE);
        }
        if (json == null || json.equals(REMOVED)) {
            return Optional.empty();
        }
        Object value;
        try {
            value = brand ? JSON.readValue(json, Brand.class) : JSON.readValue(json, Source.class);
        } catch (JsonProcessingException e) {
            throw new Refused("unreadable", "not a " + (brand ? "brand" : "source") + ": " + e.getOriginalMessage());
        }
        if (value == null) {
            throw new Refused("unreadable", "not a " + (brand ? "brand" : "source") + ": null");
        }
        List<String> problems = brand ? CatalogValidator.problems((Brand) value) : CatalogValidator.problems((Source) value);
        if (!problems.isEmpty()) {
            throw new Refused("invalid", String.join("; ", problems));
        }
        String valueId = brand ? ((Brand) value).id() : ((Source) value).id();
        if (!id.equals(valueId)) {
            throw new Refused("invalid", "key " + Ids.quoted(key) + " names another id than its value's " + Ids.quoted(valueId));
        }
        return Optional.of(value);
    }

    static String write(Object value) {
        try {
            return value == null ? REMOVED : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
