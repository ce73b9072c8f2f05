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
import io.mlexp.report.ReportJson;
import io.mlexp.report.ReportMarkdown;
import io.mlexp.report.Reports;
import io.mlexp.run.RunJson;
import io.mlexp.run.RunResult;
import io.mlexp.run.Stage;
import io.mlexp.run.StageResult;
import io.mlexp.smoke.Smoke;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a CI shows and keeps of one run, as JSON text: plain text survives any transport and any
 * persistence (Jenkins' XStream cannot read Java records back). Fields: {@code verdict} (passed, failed,
 * incomplete), {@code onViolation}, {@code context}, {@code stages} (with findings, as {@code --format json}
 * writes them), {@code metrics} (the smoke run's last values), {@code html} (the report fragment, or the
 * smoke curves alone; HTML from mlexp's renderer only), {@code chartData} (the JSON the charts draw),
 * {@code markdown} (the pull-request summary, at most 65,535
 * characters), {@code newHistory} (history lines a tag added), {@code error} (bad input or a missing
 * tool: {@code exitCode} and {@code message}).
 */
public final class CiOutcome {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_REPORT_BYTES = 8L * 1024 * 1024;

    private CiOutcome() {
    }

    @SuppressWarnings("unchecked")
    static Text of(Path root, MlexpConfig config, String earlierStages, RunResult last, List<String> newHistory) {
        List<Map<String, Object>> stages;
        try {
            stages = new ArrayList<>(JSON.readValue(earlierStages, List.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the earlier stages are not JSON: " + e.getOriginalMessage(), e);
        }
        stages.addAll((List<Map<String, Object>>) RunJson.run(last).get("stages"));
        var statuses = stages.stream().map(stage -> String.valueOf(stage.get("status"))).toList();
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("verdict", statuses.contains("failed") ? "failed" : statuses.contains("not_available") ? "incomplete" : "passed");
        outcome.put("onViolation", config.onViolation().label());
        outcome.put("context", last.context().describe());
        outcome.put("stages", stages);
        var samples = smokeSamples(root, last);
        outcome.put("metrics", Entries.finalValues(samples));
        var report = root.resolve(Reports.OUTPUT);
        if (ran(last, Stage.PUBLISH) && Files.isRegularFile(report.resolve(Reports.Format.FRAGMENT.fileName()))) {
            outcome.put("html", TextFiles.readUtf8(report.resolve(Reports.Format.FRAGMENT.fileName()), "fragment.html", MAX_REPORT_BYTES));
            outcome.put("markdown", TextFiles.readUtf8(report.resolve(Reports.Format.MARKDOWN.fileName()), "summary.md", MAX_REPORT_BYTES));
            outcome.put("chartData", TextFiles.readUtf8(report.resolve(Reports.Format.JSON.fileName()), "report.json", MAX_REPORT_BYTES));
        } else {
            outcome.put("html", ReportHtml.smokeFragment(samples));
            outcome.put("chartData", ReportJson.smokeOnly(samples));
            outcome.put("markdown", summary(stages));
        }
        outcome.put("newHistory", newHistory);
        return new Text(write(outcome));
    }

    static String stagesJson(RunResult run) {
        return write(RunJson.run(run).get("stages"));
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

    private static String summary(List<Map<String, Object>> stages) {
        var text = new StringBuilder("| stage | verdict | summary |\n|---|---|---|\n");
        for (var stage : stages) {
            text.append("| ").append(stage.get("stage")).append(" | ").append(stage.get("status")).append(" | ")
                    .append(cell(stage.get("summary"))).append(" |\n");
            if (stage.get("findings") instanceof List<?> findings) {
                for (var finding : findings) {
                    if (finding instanceof Map<?, ?> f) {
                        text.append("| | ").append(f.get("severity")).append(" | ").append(cell(f.get("file") + ":" + f.get("line")
                                + ": " + f.get("message"))).append(" |\n");
                    }
                }
            }
        }
        return text.length() > ReportMarkdown.MAX_LENGTH ? text.substring(0, 65_400) + "\n\n(cut at 65,535 characters)\n" : text.toString();
    }

    private static String cell(Object text) {
        return String.valueOf(text).replace("|", "\\|").replace("\n", " ");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
