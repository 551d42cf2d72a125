package dev.earshot.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Checks JSON against the documented schemas in {@code earshot/schemas}. Writers assert that what
 * they put on a topic matches; readers take their input from the schema's own example. Shipped in
 * the events test-jar so every service tests against the same shape.
 */
public final class ContractAssert {

    public static final String MENTION = "mention";
    public static final String SCORED_MENTION = "scored-mention";
    public static final String ALERT = "alert";
    public static final String MONITOR_EVENT = "monitor-event";

    private static final String BASE = "https://earshot.dev/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:earshot/schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private ContractAssert() {
    }

    /** Fails with every violation listed when {@code json} does not follow the named schema. */
    public static void assertMatchesSchema(String schemaName, String json) {
        Set<ValidationMessage> errors = schema(schemaName).validate(readTree(json));
        if (!errors.isEmpty()) {
            throw new AssertionError("JSON does not follow " + schemaName + ".schema.json: " + errors + "\n" + json);
        }
    }

    /** The first example documented in the named schema, as JSON text. */
    public static String example(String schemaName) {
        JsonNode examples = schema(schemaName).getSchemaNode().get("examples");
        return examples.get(0).toString();
    }

    private static JsonSchema schema(String name) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + name + ".schema.json"), CONFIG);
    }

    private static JsonNode readTree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
