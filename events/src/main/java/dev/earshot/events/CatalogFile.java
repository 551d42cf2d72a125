package dev.earshot.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The operator's YAML file ({@code catalog-file.schema.json}) read into the catalog records ingest-service writes to
 * {@value Topics#CATALOG}: the same schemas as the topic and the API, so an unknown key anywhere is refused with its
 * path ({@code brands[2].alerting.spikeMinCunt: unknown key}). Each entry carries the hash of the entry as written
 * ({@code fileHash}), by which ingest-service tells a changed entry from one it wrote before.
 *
 * @param operators null when the file has no {@code operators} list
 */
public record CatalogFile(List<CatalogBrand> brands, List<CatalogSource> sources, CatalogOperators operators) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    public CatalogFile {
        brands = List.copyOf(brands);
        sources = List.copyOf(sources);
    }

    /** Every entry as the record ingest-service writes for it. */
    public List<CatalogRecord> records() {
        List<CatalogRecord> records = new ArrayList<>();
        brands.forEach(b -> records.add(new CatalogRecord.BrandSet(b)));
        sources.forEach(s -> records.add(new CatalogRecord.SourceSet(s)));
        if (operators != null) {
            records.add(new CatalogRecord.OperatorsSet(operators));
        }
        return records;
    }

    /**
     * @param yaml the file's text (an empty file is an empty catalog)
     * @throws MalformedEventException with each problem as {@code path: reason}
     */
    public static CatalogFile read(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new CatalogFile(List.of(), List.of(), null);
        }
        CatalogSchemas.check(CatalogSchemas.FILE, root, "");
        List<String> problems = new ArrayList<>();
        List<CatalogBrand> brands = new ArrayList<>();
        Set<String> brandIds = new HashSet<>();
        JsonNode brandNodes = root.path("brands");
        for (int i = 0; i < brandNodes.size(); i++) {
            JsonNode entry = brandNodes.get(i);
            String at = "brands[" + i + "]";
            notSetInFile(entry, at, problems);
            CatalogBrand b = CatalogRecord.brand(entry, at).withFileHash(hash(entry));
            if (!brandIds.add(b.id())) {
                problems.add(at + ".id: brand " + Ids.quoted(b.id()) + " is given twice");
            }
            brands.add(b);
        }
        List<CatalogSource> sources = new ArrayList<>();
        Set<String> sourceIds = new HashSet<>();
        JsonNode sourceNodes = root.path("sources");
        for (int i = 0; i < sourceNodes.size(); i++) {
            JsonNode entry = sourceNodes.get(i);
            String at = "sources[" + i + "]";
            notSetInFile(entry, at, problems);
            CatalogSource s = CatalogRecord.source(entry, at).withFileHash(hash(entry));
            if (!sourceIds.add(s.id())) {
                problems.add(at + ".id: source " + Ids.quoted(s.id()) + " is given twice");
            }
            if (s.brand() != null && !brandIds.contains(s.brand())) {
                problems.add(at + ".brand: no brand " + Ids.quoted(s.brand()) + " in the file");
            }
            sources.add(s);
        }
        CatalogOperators operators = null;
        JsonNode ops = root.get("operators");
        if (ops != null && !ops.isNull()) {
            List<String> emails = new ArrayList<>();
            ops.forEach(e -> emails.add(e.asText()));
            operators = new CatalogOperators(CatalogOperators.SCHEMA_VERSION, emails, hash(ops));
        }
        if (!problems.isEmpty()) {
            throw new MalformedEventException(problems.get(0).substring(0, problems.get(0).indexOf(':')), problems);
        }
        return new CatalogFile(brands, sources, operators);
    }

    /** fileHash and schemaVersion belong to the topic: the file does not set them. */
    private static void notSetInFile(JsonNode entry, String at, List<String> problems) {
        for (String key : List.of("fileHash", "schemaVersion")) {
            if (entry.has(key)) {
                problems.add(at + "." + key + ": set by ingest-service, not in the file");
            }
        }
    }

    /** The entry as written (after YAML parsing, so comments and layout do not count): 16 hex digits of SHA-256. */
    static String hash(JsonNode entry) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entry.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
