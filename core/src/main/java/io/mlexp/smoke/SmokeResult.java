package io.mlexp.smoke;

import io.mlexp.check.Finding;
import io.mlexp.metrics.Sample;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One smoke run: the engine and why it was chosen, how the command ended, what it logged, the
 * environment it ran in, and the verdicts.
 */
public record SmokeResult(String engine, String reason, int exitCode, boolean timedOut, Duration elapsed,
        List<Sample> metrics, Map<String, String> fingerprint, List<Finding> findings) {
    public SmokeResult {
        metrics = List.copyOf(metrics);
        fingerprint = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fingerprint));
        findings = List.copyOf(findings);
    }

    public boolean failed() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
