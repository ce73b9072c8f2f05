package io.mlexp.metrics;

import io.mlexp.check.SourceLocation;
import java.util.Map;

/** The metrics logged at one step, and where they were written. */
public record Sample(long step, Map<String, Double> values, SourceLocation location) {
    public Sample {
        values = Map.copyOf(values);
    }
}
