package io.mlexp.ci;

import io.mlexp.config.MlexpConfig;
import io.mlexp.experiments.ExperimentTableFormats;
import io.mlexp.history.Entries;
import io.mlexp.history.HistoryEntry;
import io.mlexp.history.HistoryFormat;
import io.mlexp.metrics.Sample;
import io.mlexp.report.ReportHtml;
import io.mlexp.report.ReportJson;
import io.mlexp.report.ReportMarkdown;
import io.mlexp.report.Reports;
import io.mlexp.run.RunResult;
import io.mlexp.run.StageResult;
import io.mlexp.util.Markdown;
import java.util.List;
import java.util.Optional;

/** Sums a finished run up as a {@link RunOutcome}, from what its stages handed on (nothing is read back from files). */
final class Outcomes {
    private Outcomes() {
    }

    static RunOutcome of(MlexpConfig config, RunResult run, List<HistoryEntry> added) {
        var samples = run.stages().stream().flatMap(stage -> stage.smoke().stream()).findFirst()
                .map(smoke -> smoke.metrics()).orElse(List.<Sample>of());
        var facts = run.stages().stream().flatMap(stage -> stage.report().stream()).findFirst();
        var report = facts.map(f -> new RunOutcome.Report(ReportHtml.fragment(f), ReportJson.compact(f),
                        ReportMarkdown.render(f, Reports.Format.HTML.fileName()),
                        f.experiments().map(ExperimentTableFormats::html).orElse("")))
                .orElseGet(() -> new RunOutcome.Report(ReportHtml.smokeFragment(samples), ReportJson.smokeOnly(samples),
                        stagesMarkdown(run.stages()), ""));
        return new RunOutcome(RunOutcome.Verdict.of(run.stages()), config.onViolation(), run.context().describe(), run.stages(),
                Entries.finalValues(samples), Optional.of(report), added.stream().map(HistoryFormat::write).toList(),
                Optional.empty());
    }

    /** The stages and their findings as a Markdown table, for a run that published no report (a branch push). */
    static String stagesMarkdown(List<StageResult> stages) {
        var text = new Markdown.Bounded("| stage | verdict | summary |\n|---|---|---|\n", 200);
        int rows = 0;
        for (var stage : stages) {
            var lines = new StringBuilder("| ").append(stage.stage().label()).append(" | ").append(stage.status().label())
                    .append(" | ").append(Markdown.inline(stage.summary())).append(" |\n");
            for (var finding : stage.findings()) {
                lines.append("| | ").append(finding.severity().label()).append(" | ")
                        .append(Markdown.inline(finding.location() + ": " + finding.message())).append(" |\n");
            }
            if (text.add(lines.toString())) {
                rows++;
            }
        }
        if (text.omitted() > 0) {
            text.append("\n" + text.omitted() + " more stage" + (text.omitted() == 1 ? " is" : "s are")
                    + " on the build page (" + rows + " shown).\n");
        }
        return text.toString();
    }
}
