package io.mlexp.metrics;

import io.mlexp.check.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics logged at one step, in the order they were written, and where. */
public record Sample(long step, Map<String, Double> values, SourceLocation location) {
    public Sample {
        // one value (a TensorBoard event, most steps) needs no order kept, and Map.copyOf of one is cheap
        values = values.size() <= 1 ? Map.copyOf(values) : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
