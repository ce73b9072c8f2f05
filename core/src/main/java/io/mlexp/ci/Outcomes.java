package io.mlexp.ci;

import io.mlexp.config.MlexpConfig;
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
import io.mlexp.run.StageResult;
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
                        ReportMarkdown.render(f, Reports.Format.HTML.fileName())))
                .orElseGet(() -> new RunOutcome.Report(ReportHtml.smokeFragment(samples), ReportJson.smokeOnly(samples),
                        stagesMarkdown(run.stages())));
        return new RunOutcome(RunOutcome.Verdict.of(run.stages()), config.onViolation(), run.context().describe(), run.stages(),
                Entries.finalValues(samples), Optional.of(report), added.stream().map(HistoryFormat::write).toList(),
                Optional.empty());
    }

    /** The stages and their findings as a Markdown table, for a run that published no report (a branch push). */
    static String stagesMarkdown(List<StageResult> stages) {
        var text = new StringBuilder("| stage | verdict | summary |\n|---|---|---|\n");
        int rows = 0;
        int omitted = 0;
        for (var stage : stages) {
            var lines = new StringBuilder("| ").append(stage.stage().label()).append(" | ").append(stage.status().label())
                    .append(" | ").append(ReportMarkdown.inline(stage.summary())).append(" |\n");
            for (var finding : stage.findings()) {
                lines.append("| | ").append(finding.severity().label()).append(" | ")
                        .append(ReportMarkdown.inline(finding.location() + ": " + finding.message())).append(" |\n");
            }
            if (text.length() + lines.length() > ReportMarkdown.MAX_LENGTH - 200) {
                omitted++;
                continue;
            }
            text.append(lines);
            rows++;
        }
        if (omitted > 0) {
            text.append("\n").append(omitted).append(" more stage").append(omitted == 1 ? " is" : "s are")
                    .append(" on the build page (").append(rows).append(" shown).\n");
        }
        return text.toString();
    }
}
