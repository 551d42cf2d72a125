package dev.earshot.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.events.CatalogBrand;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.CatalogSource;
import dev.earshot.events.MalformedEventException;
import java.util.List;

/**
 * Reads a brand or source body by the catalog's schema, the same reader as the topic's and the file's: an unknown key
 * is refused with its path ({@code alerting.spikeMinCunt: unknown key}), answered 422.
 */
final class CatalogBodies {

    private CatalogBodies() {
    }

    /**
     * @param pathId the id in the URL, or null (POST); a body without an id takes it
     * @throws MalformedEventException with each problem, its path first
     */
    static CatalogBrand brand(JsonNode body, String pathId) {
        return CatalogRecord.brand(checked(body, "brand", pathId));
    }

    static CatalogSource source(JsonNode body, String pathId) {
        return CatalogRecord.source(checked(body, "source", pathId));
    }

    private static ObjectNode checked(JsonNode body, String what, String pathId) {
        if (body == null || !body.isObject()) {
            throw new MalformedEventException("the body must be a " + what + " (a JSON object)");
        }
        ObjectNode node = ((ObjectNode) body).deepCopy();
        if (pathId != null) {
            JsonNode id = node.get("id");
            if (id == null || id.isNull()) {
                node.put("id", pathId);
            } else if (!id.asText().equals(pathId)) {
                throw new MalformedEventException("id", List.of("id: the body's '" + id.asText() + "' is not the path's '"
                        + pathId + "'"));
            }
        }
        if (node.has("fileHash")) {
            throw new MalformedEventException("fileHash", List.of("fileHash: set by ingest-service, not over the API"));
        }
        return node;
    }
}
