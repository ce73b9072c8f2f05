package io.mlexp.smoke;

import io.mlexp.check.Finding;
import io.mlexp.config.RuleSettings;
import io.mlexp.metrics.Sample;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One smoke run: the engine and why it was chosen, how the command ended, what it logged, the
 * environment it ran in, the verdicts, and where its metrics were found ({@code metricsSource}).
 */
public record SmokeResult(String engine, String reason, int exitCode, boolean timedOut, Duration elapsed,
        List<Sample> metrics, Map<String, String> fingerprint, List<Finding> findings, String metricsSource) {
    public SmokeResult {
        metrics = List.copyOf(metrics);
        fingerprint = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fingerprint));
        findings = List.copyOf(findings);
    }

    /** A run whose metrics came from nowhere in particular (none, or what an engine logged itself). */
    public SmokeResult(String engine, String reason, int exitCode, boolean timedOut, Duration elapsed, List<Sample> metrics,
            Map<String, String> fingerprint, List<Finding> findings) {
        this(engine, reason, exitCode, timedOut, elapsed, metrics, fingerprint, findings, "");
    }

    public boolean failed() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** The same run with its findings as {@code .mlexp.yml}'s {@code rules:} sets them: what smoke.json and the report say. */
    public SmokeResult judgedBy(RuleSettings rules) {
        return new SmokeResult(engine, reason, exitCode, timedOut, elapsed, metrics, fingerprint, rules.apply(findings), metricsSource);
    }
}
