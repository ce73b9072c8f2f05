package io.mlexp.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the one-line JSON object the environment probes print. */
final class Fingerprints {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fingerprints() {
    }

    static Map<String, String> parse(String line) {
        var values = new LinkedHashMap<String, String>();
        try {
            var node = JSON.readTree(line);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
            }
        } catch (JsonProcessingException e) {
            values.put("probe", "unreadable output");
        }
        return values;
    }
}
