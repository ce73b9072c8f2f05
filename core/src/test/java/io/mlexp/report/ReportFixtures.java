package io.mlexp.report;

import io.mlexp.config.ConfigLoader;
import io.mlexp.history.HistoryEntry;
import io.mlexp.metrics.MetricsReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A history of tags with slowly improving metrics, and a report of its last tag against the one before. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static List<HistoryEntry> history(int tags) {
        var entries = new ArrayList<HistoryEntry>();
        for (int i = 0; i < tags; i++) {
            var metrics = new LinkedHashMap<String, Double>();
            metrics.put("loss", 1.0 / (i + 2));
            metrics.put("accuracy", 0.8 + 0.1 * i / tags);
            metrics.put("samples_per_sec", 5000.0 + i);
            entries.add(new HistoryEntry(1, Optional.of("v0." + i), String.format("%040x", i + 1),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * i), "tag", metrics,
                    Optional.of(new HistoryEntry.SmokeSummary("passed", "container", 42.0)),
                    Map.of("image", "registry.example/pytorch:2.5.1@sha256:" + "ab".repeat(32), "gpu", "NVIDIA H100"),
                    Optional.of("EXP-00" + (i % 10))));
        }
        return entries;
    }

    static ReportFacts facts(List<HistoryEntry> entries, String gates) {
        var config = new ConfigLoader().parse("version: 1\npublish:\n  gates:\n" + (gates.isEmpty() ? "    {}\n" : gates), ".mlexp.yml");
        var current = entries.get(entries.size() - 1);
        var base = entries.size() > 1 ? Optional.of(entries.get(entries.size() - 2)) : Optional.<HistoryEntry>empty();
        var curves = MetricsReader.read(Path.of("src/test/resources/metrics/digits-smoke.jsonl"), "digits-smoke.jsonl");
        return Reports.facts("mlexp report: " + current.label(), current, base, entries, config.publish().gates(), curves,
                Optional.of("<h1>EXP-009</h1><p>record</p>"), List.of(new ReportFacts.Commit("abcdef1234567890", "feat: wider layer")),
                List.of());
    }
}
