package io.mlexp.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code publish:} what tagged builds record, and the quality gates they must pass. */
public record PublishConfig(List<String> metrics, String history, Map<String, Gate> gates) {
    /**
     * A quality gate on one metric: the largest allowed drop against the previous tag, and bounds.
     *
     * @param maxDrop  the drop allowed, absolute ({@code 0.01}) or relative ({@code 2%})
     */
    /** A gate on one metric, and where {@code .mlexp.yml} sets it: what its findings point at. */
    public record Gate(Optional<Drop> maxDrop, OptionalDouble min, OptionalDouble max, io.mlexp.check.SourceLocation location) {
    }

    /** An allowed drop: an absolute amount, or a fraction of the previous value when {@code relative}. */
    public record Drop(double amount, boolean relative) {
    }

    public PublishConfig {
        metrics = List.copyOf(metrics);
        gates = Collections.unmodifiableMap(new LinkedHashMap<>(gates)); // reported in the order written
    }

    public static PublishConfig defaults() {
        return new PublishConfig(List.of("loss", "accuracy", "samples_per_sec"), ".mlexp/history", Map.of());
    }
}
