package org.iongov.cli;

import java.io.IOException;
import java.util.List;

import org.iongov.core.json.MetadataJson;
import org.iongov.server.IonDefinitionCheck;

import com.fasterxml.jackson.databind.JsonNode;

/** How the server checks uploaded ION definitions. */
final class IonChecks {

    private IonChecks() {
    }

    /** Until the ION model's validator is wired in: a JSON object with a non-empty "name". */
    static IonDefinitionCheck forServer() {
        return json -> {
            JsonNode node;
            try {
                node = MetadataJson.MAPPER.readTree(json);
            } catch (IOException e) {
                throw new IonDefinitionCheck.InvalidDefinitionException(List.of("malformed JSON: " + e.getMessage()));
            }
            if (node == null || !node.isObject() || !node.path("name").isTextual() || node.get("name").asText().isBlank()) {
                throw new IonDefinitionCheck.InvalidDefinitionException(List.of("name: is required"));
            }
            return node.get("name").asText();
        };
    }
}
