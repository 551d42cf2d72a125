package dev.earshot.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.earshot.ingest.preset.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source in the operator's file may name a preset instead of being written out: {@code preset: app-store} and
 * {@code parameter: us/1600000000}, plus what it sets on top (id, brand, maxPages ...). Each such entry is replaced by
 * the source the preset makes (the API's {@link Presets}) before the file is read by the contract's schema, so what is
 * checked, hashed and written to the topic is the expanded source, as over the API.
 */
final class FilePresets {

    static final String PRESET = "preset";
    static final String PARAMETER = "parameter";
    /** What a preset makes: an entry that names one cannot also set these. */
    private static final List<String> MADE_BY_PRESET = List.of("kind", "url", "json", "selectors");
    /** As the contract's file reader parses, so the tree expanded here is the one it would have read. */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private FilePresets() {
    }

    /**
     * @param yaml the file's text
     * @return the text with each preset entry expanded; the text as given when it names no preset, or when it is not
     *         YAML (the contract's reader then says why, with the line)
     * @throws IllegalArgumentException with each entry's problem, its path in the file first
     */
    static String expand(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            return yaml;
        }
        if (root == null || !(root.path("sources") instanceof ArrayNode sources)) {
            return yaml;
        }
        List<String> problems = new ArrayList<>();
        boolean expanded = false;
        for (int i = 0; i < sources.size(); i++) {
            if (!(sources.get(i) instanceof ObjectNode entry)) {
                continue;
            }
            String at = "sources[" + i + "]";
            if (entry.has(PRESET)) {
                ObjectNode source = expandEntry(entry, at, problems);
                if (source != null) {
                    sources.set(i, source);
                    expanded = true;
                }
            } else if (entry.has(PARAMETER)) {
                problems.add(at + ".parameter: only with a preset (preset: <name>)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (!expanded) {
            return yaml;
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the expanded catalog: " + e.getMessage(), e);
        }
    }

    /** The source one preset entry makes, its other keys set on top; null (and the problems added) when it cannot. */
    private static ObjectNode expandEntry(ObjectNode entry, String at, List<String> problems) {
        JsonNode name = entry.get(PRESET);
        int before = problems.size();
        if (!name.isTextual()) {
            problems.add(at + ".preset: must be the name of a preset");
            return null;
        }
        for (String key : MADE_BY_PRESET) {
            if (entry.has(key)) {
                problems.add(at + "." + key + ": set by preset '" + name.asText()
                        + "'; write the source out without 'preset' to choose it");
            }
        }
        try {
            Presets.preset(name.asText());
        } catch (IllegalArgumentException e) {
            problems.add(at + ".preset: " + e.getMessage());
            return null;
        }
        JsonNode parameter = entry.get(PARAMETER);
        ObjectNode source;
        try {
            source = Presets.entry(name.asText(), parameter == null || !parameter.isValueNode() || parameter.isNull()
                    ? null : parameter.asText(), null, null);
        } catch (IllegalArgumentException e) {
            problems.add(at + ".parameter: " + e.getMessage());
            return null;
        }
        if (problems.size() > before) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            if (!field.getKey().equals(PRESET) && !field.getKey().equals(PARAMETER)) {
                source.set(field.getKey(), field.getValue()); // id, brand, maxPages ...; the schema checks them next
            }
        }
        return source;
    }
}
