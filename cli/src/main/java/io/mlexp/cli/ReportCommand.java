package io.mlexp.cli;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.experiments.Experiments;
import io.mlexp.history.Entries;
import io.mlexp.history.HistoryEntry;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.report.ReportFacts;
import io.mlexp.report.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", description = {
    "Writes the report of the history's latest entry: index.html (self-contained, charts drawn offline),",
    "summary.md (for a pull-request comment) and report.json. Failed quality gates (publish.gates) come",
    "first in each, and make the exit code 1. --format html, markdown or json writes that file alone."})
final class ReportCommand extends MlexpSubcommand {
    @Mixin
    HistoryOptions where;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = Reports.OUTPUT,
            description = "Where the report goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--compare", paramLabel = "REF", defaultValue = Entries.PREVIOUS_TAG,
            description = "What to compare with: a tag or commit in the history, or ${DEFAULT-VALUE} (the default).")
    String compare;

    @Option(names = "--smoke", paramLabel = "FILE", description = "A smoke run's metrics.jsonl, drawn as loss and accuracy curves.")
    Path smoke;

    @Override
    public Integer call() {
        var located = where.locate(this);
        var loaded = located.history().read();
        var current = Entries.latest(loaded.entries()).orElseThrow(() -> new EnvironmentException(
                "the history in " + located.directory() + " is empty: nothing to report. Fill it with 'mlexp run' on a tag,"
                        + " 'mlexp history append' or 'mlexp history import'"));
        Optional<HistoryEntry> base = compare.equals(Entries.PREVIOUS_TAG) ? Entries.previousTag(loaded.entries(), current)
                : Optional.of(Entries.find(loaded.entries(), compare).orElseThrow(() -> InvalidInputException.of("option-value",
                        SourceLocation.of("--compare"), "no entry in the history has the tag or commit '" + compare + "'")));
        var warnings = new ArrayList<Finding>(loaded.warnings());
        var curves = smoke == null ? List.<io.mlexp.metrics.Sample>of()
                : MetricsReader.read(global().workingDirectory().resolve(smoke), smoke.toString());
        var experiments = located.workspace().flatMap(w -> located.config()
                .map(c -> Experiments.table(w.root(), c.record(), loaded.entries(), warnings)));
        var plain = Reports.facts("mlexp report: " + current.label(), current, base, Entries.trend(loaded.entries()),
                located.config().map(c -> c.publish().gates()).orElse(Map.of()), curves,
                located.workspace().flatMap(w -> located.config().flatMap(c -> Reports.recordHtml(w.root(), c.record(), current.record()))),
                commits(located, current, base, warnings), warnings);
        var facts = experiments.map(plain::withExperiments).orElse(plain);
        var directory = located.workspace().map(w -> w.root()).orElse(global().workingDirectory()).resolve(out);
        var chosen = switch (global().format) {
            case text -> EnumSet.of(Reports.Format.HTML, Reports.Format.MARKDOWN, Reports.Format.JSON);
            case json -> EnumSet.of(Reports.Format.JSON);
            case html -> EnumSet.of(Reports.Format.HTML);
            case markdown -> EnumSet.of(Reports.Format.MARKDOWN);
        };
        var written = Reports.write(directory, facts, chosen);
        written.forEach(file -> out().println("wrote " + file));
        var gates = located.config().map(c -> c.rules().apply(facts.gates())).orElse(facts.gates());
        return report(gates, "report of " + current.label() + base.map(b -> " against " + b.label()).orElse(""));
    }

    /** The commits between the two entries, when both are in this repository; a note when they are not. */
    private static List<ReportFacts.Commit> commits(HistoryOptions.Located located, HistoryEntry current, Optional<HistoryEntry> base,
            List<Finding> warnings) {
        return located.workspace().map(workspace -> Reports.commits(workspace.root(), base, current, warnings,
                located.history().file().toString())).orElse(List.of());
    }
}
