package io.mlexp.run;

import io.mlexp.experiments.ExperimentTable;
import io.mlexp.experiments.ExperimentTableFormats;
import java.util.Optional;
import io.mlexp.util.AtomicFiles;
import io.mlexp.util.Html;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page of run verdicts: one table per context, one row per stage, findings
 * listed under their stage. Written to a temporary file and moved into place, so a reader never
 * sees half a page.
 */
public final class RunSummaryPage {
    private RunSummaryPage() {
    }

    public static void write(Path file, String title, List<RunResult> runs) {
        write(file, title, runs, Map.of());
    }

    /**
     * Writes the page with a link to each run's metric report.
     *
     * @param metricReports the metric report of a run, as a link relative to the page
     */
    public static void write(Path file, String title, List<RunResult> runs, Map<RunResult, String> metricReports) {
        AtomicFiles.replace(file, render(title, runs, metricReports, Optional.empty()));
    }

    /** {@link #write(Path, String, List, Map)}, with the experiment table after the runs. */
    public static void write(Path file, String title, List<RunResult> runs, Map<RunResult, String> metricReports,
            ExperimentTable experiments) {
        AtomicFiles.replace(file, render(title, runs, metricReports, Optional.of(experiments)));
    }

    public static String render(String title, List<RunResult> runs, Map<RunResult, String> metricReports,
            Optional<ExperimentTable> experiments) {
        var html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <style>
                body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
                table{border-collapse:collapse;width:100%%;margin:.5rem 0 1.5rem}
                th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #d0d7de;vertical-align:top}
                .passed{color:#1a7f37;font-weight:600}.failed{color:#cf222e;font-weight:600}
                .not-available{color:#6e7781;font-style:italic}
                ul.findings{margin:.3rem 0 0;padding-left:1.2rem;font-family:ui-monospace,monospace;font-size:13px}
                #experiments{display:block;overflow-x:auto;font-size:13px}#experiments th,#experiments td:first-child{white-space:nowrap}
                #experiments th{cursor:pointer}
                </style></head><body>
                <h1>%1$s</h1>
                """.formatted(Html.escape(title)));
        for (var run : runs) {
            html.append("<section class=\"context\"><h2>").append(Html.escape(run.context().describe())).append("</h2>\n");
            var metricReport = metricReports.get(run);
            if (metricReport != null) {
                html.append("<p><a class=\"metric-report\" href=\"").append(Html.escape(metricReport))
                        .append("\">Metrics, trends and gates</a></p>\n");
            }
            html
                    .append("<table><thead><tr><th>Stage</th><th>Verdict</th><th>Details</th></tr></thead><tbody>\n");
            for (var stage : run.stages()) {
                html.append("<tr data-stage=\"").append(stage.stage().label()).append("\"><td>")
                        .append(Html.escape(stage.stage().description())).append("</td><td class=\"")
                        .append(cssClass(stage.status())).append("\">").append(stage.status().label())
                        .append("</td><td>").append(Html.escape(stage.summary()));
                if (!stage.findings().isEmpty()) {
                    html.append("<ul class=\"findings\">");
                    stage.findings().forEach(f -> html.append("<li>").append(Html.escape(f.format())).append("</li>"));
                    html.append("</ul>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</tbody></table></section>\n");
        }
        experiments.filter(table -> !table.rows().isEmpty()).ifPresent(table -> html.append("<section><h2>Experiments</h2>\n")
                .append("<p>One row per record; * marks a hyperparameter that differs; click a heading to sort.</p>\n")
                .append(ExperimentTableFormats.html(table)).append("</section>\n<script>").append(ExperimentTableFormats.SORT_SCRIPT)
                .append("</script>\n"));
        return html.append("</body></html>\n").toString();
    }

    private static String cssClass(StageResult.Status status) {
        return status.label().replace(' ', '-').replace("-yet", "");
    }
}
