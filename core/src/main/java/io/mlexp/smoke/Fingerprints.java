package io.mlexp.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlexp.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the one-line JSON object the environment probes print. */
final class Fingerprints {

    private Fingerprints() {
    }

    static Map<String, String> parse(String line) {
        return object(line).orElseGet(() -> Map.of("probe", "unreadable output"));
    }

    /** A JSON object's fields as text; empty when {@code json} is not one. */
    static Optional<Map<String, String>> object(String json) {
        try {
            var node = Json.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            var values = new LinkedHashMap<String, String>();
            node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
            return Optional.of(values);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
