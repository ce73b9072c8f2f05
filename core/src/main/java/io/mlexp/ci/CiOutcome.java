package io.mlexp.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.TextFiles;
import io.mlexp.config.MlexpConfig;
import io.mlexp.history.Entries;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.metrics.Sample;
import io.mlexp.report.ReportHtml;
import io.mlexp.report.Reports;
import io.mlexp.run.RunJson;
import io.mlexp.run.RunResult;
import io.mlexp.run.Stage;
import io.mlexp.run.StageResult;
import io.mlexp.smoke.Smoke;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a CI shows and keeps of one run, as JSON text: plain text survives any transport and any
 * persistence (Jenkins' XStream cannot read Java records back). Fields: {@code verdict} (passed, failed,
 * incomplete), {@code onViolation}, {@code run} (stages with findings, as {@code --format json}),
 * {@code metrics} (the smoke run's last values), {@code html} (the report fragment, or the smoke curves
 * alone; HTML from mlexp's renderer only), {@code markdown} (the pull-request summary, at most 65,535
 * characters), {@code newHistory} (history lines a tag added), {@code error} (bad input or a missing
 * tool: {@code exitCode} and {@code message}).
 */
public final class CiOutcome {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_REPORT_BYTES = 8L * 1024 * 1024;

    private CiOutcome() {
    }

    static Text of(Path root, MlexpConfig config, RunResult run, List<String> newHistory) {
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("verdict", run.failed() ? "failed" : run.incomplete() ? "incomplete" : "passed");
        outcome.put("onViolation", config.onViolation().label());
        outcome.put("run", RunJson.run(run));
        var samples = smokeSamples(root, run);
        outcome.put("metrics", Entries.finalValues(samples));
        var report = root.resolve(Reports.OUTPUT);
        if (ran(run, Stage.PUBLISH) && Files.isRegularFile(report.resolve(Reports.Format.FRAGMENT.fileName()))) {
            outcome.put("html", TextFiles.readUtf8(report.resolve(Reports.Format.FRAGMENT.fileName()), "fragment.html", MAX_REPORT_BYTES));
            outcome.put("markdown", TextFiles.readUtf8(report.resolve(Reports.Format.MARKDOWN.fileName()), "summary.md", MAX_REPORT_BYTES));
        } else {
            outcome.put("html", ReportHtml.smokeFragment(samples));
            outcome.put("markdown", summary(run));
        }
        outcome.put("newHistory", newHistory);
        return new Text(write(outcome));
    }

    /** The outcome of a run that could not start: bad input (exit code 2) or a missing tool (3). */
    public static Text error(RuntimeException e) {
        var error = new LinkedHashMap<String, Object>();
        if (e instanceof InvalidInputException invalid) {
            error.put("exitCode", 2);
            error.put("message", invalid.findings().stream().map(Finding::format).collect(Collectors.joining("\n")));
        } else if (e instanceof EnvironmentException) {
            error.put("exitCode", 3);
            error.put("message", e.getMessage());
        } else {
            throw e;
        }
        return new Text(write(Map.of("verdict", "error", "error", error)));
    }

    /** The JSON text. A class of its own so that callers cannot mix it up with other strings. */
    public record Text(String json) {
    }

    private static boolean ran(RunResult run, Stage stage) {
        return run.stages().stream().anyMatch(s -> s.stage() == stage && s.status() != StageResult.Status.NOT_AVAILABLE);
    }

    private static List<Sample> smokeSamples(Path root, RunResult run) {
        var metrics = root.resolve(Smoke.OUTPUT).resolve("metrics.jsonl");
        if (!ran(run, Stage.SMOKE) || !Files.isRegularFile(metrics)) {
            return List.of();
        }
        try {
            return MetricsReader.read(metrics, Smoke.OUTPUT + "/metrics.jsonl");
        } catch (InvalidInputException e) {
            return List.of(); // the smoke stage already reported it
        }
    }

    private static String summary(RunResult run) {
        var text = new StringBuilder("| stage | verdict | summary |\n|---|---|---|\n");
        for (var stage : run.stages()) {
            text.append("| ").append(stage.stage().label()).append(" | ").append(stage.status().label()).append(" | ")
                    .append(stage.summary().replace("|", "\\|").replace("\n", " ")).append(" |\n");
            stage.findings().forEach(f -> text.append("| | ").append(f.severity().label()).append(" | ")
                    .append(f.format().replace("|", "\\|").replace("\n", " ")).append(" |\n"));
        }
        return text.length() > 65_535 ? text.substring(0, 65_500) + "\n\n(cut at 65,535 characters)\n" : text.toString();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
