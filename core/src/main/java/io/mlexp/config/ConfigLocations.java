package io.mlexp.config;

import io.mlexp.check.SourceLocation;
import java.util.Comparator;
import java.util.Map;

/**
 * Where each value of the loaded {@code .mlexp.yml} is written, by its dotted key ({@code publish.gates.loss},
 * {@code configs.required[0]}), so that a finding about a setting points at the file actually read and the line
 * and column of the setting; a default that no line sets points at the section it belongs to, or the file.
 */
public record ConfigLocations(String file, Map<String, SourceLocation> byKey) {
    public ConfigLocations {
        byKey = Map.copyOf(byKey);
    }

    public static ConfigLocations none(String file) {
        return new ConfigLocations(file, Map.of());
    }

    /**
     * Where {@code key} is set; when it is not, the first setting under it ({@code smoke.expect.bounds.acc} is
     * written as its {@code min:}), else the nearest section around it, else the file.
     */
    public SourceLocation of(String key) {
        var exact = byKey.get(key);
        if (exact != null) {
            return exact;
        }
        var firstUnder = byKey.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(key + ".") || entry.getKey().startsWith(key + "["))
                .map(Map.Entry::getValue)
                .min(Comparator.comparingInt(SourceLocation::line).thenComparingInt(SourceLocation::column));
        if (firstUnder.isPresent()) {
            return firstUnder.get();
        }
        int dot = key.lastIndexOf('.');
        return dot > 0 ? of(key.substring(0, dot)) : SourceLocation.of(file);
    }

    /**
     * Always true for another {@code ConfigLocations}: where settings are written is not what they say, so two loads of
     * the same rules from files laid out differently are equal configs.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigLocations;
    }

    @Override
    public int hashCode() {
        return ConfigLocations.class.hashCode();
    }

    /** Where item {@code index} of the list at {@code key} is set, or the list, or the file. */
    public SourceLocation of(String key, int index) {
        var item = byKey.get(key + "[" + index + "]");
        return item != null ? item : of(key);
    }
}
