package dev.earshot.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of the compacted topic {@value Topics#CATALOG}: a brand or a source set, the operators set, or one of them
 * removed. {@link #read} is the one checked reader of the topic; {@link #brand(JsonNode)} and {@link #source(JsonNode)}
 * check an API body by the same schema, and {@link CatalogFile} the operator's file.
 *
 * <p>Keys: {@code brand:<id>}, {@code source:<id>} (ids as {@link Ids#CATALOG_ID}) and {@value #OPERATORS_KEY}. A
 * removal is the value {@value #REMOVED}, never a tombstone: compaction would drop a tombstone and the file's entry
 * would come back at ingest-service's next start.
 */
public sealed interface CatalogRecord {

    String BRAND_PREFIX = "brand:";
    String SOURCE_PREFIX = "source:";
    String OPERATORS_KEY = "operators";
    /** The value of a removal made from the file (an API removal also carries the fileHash of what it removes). */
    String REMOVED = "{\"removed\":true}";

    /** The record's key on the topic. */
    String key();

    /** The file entry this record came from or edits; null for one made over the API. */
    String fileHash();

    /** This record's value as JSON, as written on the topic. */
    default String valueJson() {
        Object value;
        if (this instanceof BrandSet b) {
            value = b.brand();
        } else if (this instanceof SourceSet s) {
            value = s.source();
        } else if (this instanceof OperatorsSet o) {
            value = o.operators();
        } else {
            value = fileHash() == null ? null : new RemovalValue(true, fileHash());
        }
        return value == null ? REMOVED : EventJson.writeString(value);
    }

    record BrandSet(CatalogBrand brand) implements CatalogRecord {
        public String key() {
            return brandKey(brand.id());
        }

        public String fileHash() {
            return brand.fileHash();
        }
    }

    record SourceSet(CatalogSource source) implements CatalogRecord {
        public String key() {
            return sourceKey(source.id());
        }

        public String fileHash() {
            return source.fileHash();
        }
    }

    record OperatorsSet(CatalogOperators operators) implements CatalogRecord {
        public String key() {
            return OPERATORS_KEY;
        }

        public String fileHash() {
            return operators.fileHash();
        }
    }

    /** The brand, source or operators list the key names is gone. */
    record Removal(String key, String fileHash) implements CatalogRecord {
    }

    /** The JSON of a removal. */
    record RemovalValue(boolean removed, @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String fileHash) {
    }

    static String brandKey(String id) {
        return BRAND_PREFIX + id;
    }

    static String sourceKey(String id) {
        return SOURCE_PREFIX + id;
    }

    /**
     * Reads one record of the topic: checks the key, the value against its schema (unknown keys refused with their
     * path) and that the value's id is the key's. A null value (a tombstone) reads as a removal.
     *
     * @throws MalformedEventException saying why, with the JSON path of each problem
     */
    static CatalogRecord read(String key, String valueJson) {
        if (key == null) {
            throw new MalformedEventException("the record has no key; expected brand:<id>, source:<id> or operators");
        }
        String id = null;
        if (key.startsWith(BRAND_PREFIX) || key.startsWith(SOURCE_PREFIX)) {
            id = key.substring(key.indexOf(':') + 1);
            if (!Ids.isCatalogId(id)) {
                throw new MalformedEventException("key " + Ids.quoted(key) + ": the id" + EventChecks.CATALOG_RULE);
            }
        } else if (!key.equals(OPERATORS_KEY)) {
            throw new MalformedEventException("key " + Ids.quoted(key) + " is none of brand:<id>, source:<id>, operators");
        }
        if (valueJson == null) {
            return new Removal(key, null);
        }
        JsonNode node = parse(valueJson);
        if (node.isObject() && node.has("removed")) {
            CatalogSchemas.check(CatalogSchemas.REMOVAL, node, "");
            JsonNode hash = node.get("fileHash");
            return new Removal(key, hash == null || hash.isNull() ? null : hash.asText());
        }
        CatalogRecord record;
        if (key.startsWith(BRAND_PREFIX)) {
            record = new BrandSet(brand(node));
        } else if (key.startsWith(SOURCE_PREFIX)) {
            record = new SourceSet(source(node));
        } else {
            CatalogSchemas.check(CatalogSchemas.OPERATORS, node, "");
            return new OperatorsSet(convert(node, CatalogOperators.class));
        }
        String valueId = node.get("id").asText();
        if (!valueId.equals(id)) {
            throw new MalformedEventException("id", java.util.List.of(
                    "id: " + Ids.quoted(valueId) + " is not the key's " + Ids.quoted(id)));
        }
        return record;
    }

    /**
     * A brand as the API or the file gives it, checked by {@code catalog-brand.schema.json}.
     *
     * @throws MalformedEventException with the path of each problem, relative to the brand ({@code alerting.x})
     */
    static CatalogBrand brand(JsonNode node) {
        return brand(node, "");
    }

    /** As {@link #brand(JsonNode)}, with paths starting at {@code prefix} (e.g. {@code brands[2]}). */
    static CatalogBrand brand(JsonNode node, String prefix) {
        CatalogSchemas.check(CatalogSchemas.BRAND, node, prefix);
        return convert(node, CatalogBrand.class);
    }

    static CatalogSource source(JsonNode node) {
        return source(node, "");
    }

    static CatalogSource source(JsonNode node, String prefix) {
        CatalogSchemas.check(CatalogSchemas.SOURCE, node, prefix);
        return convert(node, CatalogSource.class);
    }

    /** Parses JSON text for {@link #brand(JsonNode)} and {@link #source(JsonNode)}; refuses what is not JSON. */
    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty value, expected a JSON object");
        }
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedEventException("empty value, expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            JsonNode withVersion = node;
            if (!node.has("schemaVersion")) { // optional in the file and the API; the record is version 1
                withVersion = ((com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy()).put("schemaVersion", 1);
            }
            return EventJson.mapper().treeToValue(withVersion, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
