package io.mlexp.report;

import io.mlexp.check.Finding;
import io.mlexp.experiments.ExperimentTable;
import io.mlexp.history.Comparison;
import io.mlexp.history.HistoryEntry;
import io.mlexp.metrics.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows, whatever its format: the run and what it is compared with, the gates
 * (failed ones first in every format), the trend across the history, the smoke run's curves, the
 * experiment record (already sanitised HTML), the commits of the range, and the table of every experiment.
 */
public record ReportFacts(String title, Instant generated, Comparison comparison, List<Finding> gates,
        List<HistoryEntry> trend, List<Sample> smokeCurves, Optional<String> recordHtml, List<Commit> commits,
        List<Finding> warnings, Optional<ExperimentTable> experiments) {
    /** A commit of the range: its ID and the first line of its message. */
    public record Commit(String id, String subject) {
    }

    public ReportFacts {
        gates = List.copyOf(gates);
        trend = List.copyOf(trend);
        smokeCurves = List.copyOf(smokeCurves);
        commits = List.copyOf(commits);
        warnings = List.copyOf(warnings);
    }

    /** These facts with the experiment table of the repository. */
    public ReportFacts withExperiments(ExperimentTable table) {
        return new ReportFacts(title, generated, comparison, gates, trend, smokeCurves, recordHtml, commits, warnings, Optional.of(table));
    }

    public HistoryEntry current() {
        return comparison.current();
    }

    public boolean gatesFailed() {
        return gates.stream().anyMatch(Finding::isError);
    }

    /** The names of the metrics charted across the history, in the order first seen. */
    public List<String> trendMetrics() {
        var names = new java.util.LinkedHashSet<String>();
        trend.forEach(entry -> names.addAll(entry.metrics().keySet()));
        return List.copyOf(names);
    }
}
