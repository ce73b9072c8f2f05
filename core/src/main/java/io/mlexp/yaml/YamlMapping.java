package io.mlexp.yaml;

import io.mlexp.check.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A YAML mapping with string keys, in document order; each key keeps its own location. */
public record YamlMapping(Map<String, Entry> entries, SourceLocation location, long weight) implements YamlNode {
    /** One key and its value. */
    public record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }

    public YamlMapping {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::value);
    }

    /**
     * Follows a dotted path such as {@code optimizer.lr} through nested mappings. A key that itself
     * contains dots ({@code "optimizer.lr": 3e-4}) is found too.
     */
    public Optional<YamlNode> find(String dottedPath) {
        var direct = get(dottedPath);
        if (direct.isPresent()) {
            return direct;
        }
        int dot = dottedPath.indexOf('.');
        while (dot > 0) {
            var head = get(dottedPath.substring(0, dot));
            if (head.isPresent() && head.get() instanceof YamlMapping nested) {
                var rest = nested.find(dottedPath.substring(dot + 1));
                if (rest.isPresent()) {
                    return rest;
                }
            }
            dot = dottedPath.indexOf('.', dot + 1);
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
