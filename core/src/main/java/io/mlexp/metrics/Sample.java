package io.mlexp.metrics;

import io.mlexp.check.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics logged at one step, in the order they were written, and where. */
public record Sample(long step, Map<String, Double> values, SourceLocation location) {
    public Sample {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
