package dev.earshot.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks catalog JSON against the documented schemas in {@code earshot/schemas}, so the topic, the operator's file and
 * the API follow the very same rules, and says each broken rule with the JSON path where it is broken.
 */
final class CatalogSchemas {

    static final String BRAND = "catalog-brand";
    static final String SOURCE = "catalog-source";
    static final String OPERATORS = "catalog-operators";
    static final String REMOVAL = "catalog-removal";
    static final String FILE = "catalog-file";
    /** Checked only as part of a brand. */
    static final String ALERTING_FOR_TESTS = "catalog-alerting";

    private static final String BASE = "https://earshot.dev/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:earshot/schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final List<String> NAMES = List.of(BRAND, SOURCE, OPERATORS, REMOVAL, FILE);
    private static final java.util.Map<String, JsonSchema> SCHEMAS = load();

    private CatalogSchemas() {
    }

    private static java.util.Map<String, JsonSchema> load() {
        java.util.Map<String, JsonSchema> schemas = new java.util.HashMap<>();
        for (String name : NAMES) {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + name + ".schema.json"), CONFIG);
            schema.initializeValidators(); // resolve the $refs now, not on the first record
            schemas.put(name, schema);
        }
        return java.util.Map.copyOf(schemas);
    }

    /**
     * @param prefix what the paths start with, e.g. {@code brands[2]}; empty for a whole record
     * @throws MalformedEventException with one {@code path: reason} per broken rule
     */
    static void check(String schema, JsonNode node, String prefix) {
        Set<ValidationMessage> errors = SCHEMAS.get(schema).validate(node);
        if (errors.isEmpty()) {
            return;
        }
        List<String[]> problems = errors.stream().map(e -> problem(e, prefix))
                .sorted(Comparator.comparing((String[] p) -> p[0]).thenComparing(p -> p[1])).distinct().toList();
        throw new MalformedEventException(problems.get(0)[0],
                problems.stream().map(p -> p[0] + ": " + p[1]).distinct().toList());
    }

    /** {path, reason} in the words an operator reads. */
    private static String[] problem(ValidationMessage e, String prefix) {
        String at = path(prefix, e.getInstanceLocation());
        return switch (e.getType()) {
            case "additionalProperties" -> new String[] {join(at, e.getProperty()), "unknown key"};
            case "required" -> new String[] {join(at, e.getProperty()), "missing"};
            case "pattern" -> new String[] {at, patternProblem(e)};
            default -> new String[] {at.isEmpty() ? "(record)" : at, withoutLocation(e.getMessage())};
        };
    }

    /** Ids and addresses said in words, the value quoted safely (it may carry line breaks or markup). */
    private static String patternProblem(ValidationMessage e) {
        String value = e.getInstanceNode() == null ? null : e.getInstanceNode().asText();
        String pattern = e.getSchemaNode() == null ? "" : e.getSchemaNode().asText();
        if (pattern.equals("^" + Ids.CATALOG_ID.pattern() + "$")) {
            return Ids.quoted(value) + EventChecks.CATALOG_RULE;
        }
        if (pattern.contains("@")) {
            return Ids.quoted(value) + " is not an email address";
        }
        return Ids.quoted(value) + " does not match " + pattern;
    }

    static String path(String prefix, JsonNodePath location) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The library's message starts with its own location ({@code /a/b: ...}); the path is said already. */
    private static String withoutLocation(String message) {
        if (message.startsWith("$") || message.startsWith("/") || message.startsWith(":")) {
            int colon = message.indexOf(": ");
            if (colon >= 0) {
                return message.substring(colon + 2);
            }
        }
        return message;
    }
}
