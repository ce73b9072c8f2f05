package io.mlexp.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mlexp.check.Finding;
import io.mlexp.check.Severity;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.MlexpConfig;
import io.mlexp.run.RunJson;
import io.mlexp.run.Stage;
import io.mlexp.run.StageResult;
import io.mlexp.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one JSON form of a {@link RunOutcome}, versioned by {@code "schema": 1}: stages and findings as
 * {@code --format json} prints them, verdicts as their labels. A reader refuses another schema, so that a
 * controller and an agent of different mlexp versions fail with a message rather than misread each other.
 */
public final class OutcomeJson {
    public static final int SCHEMA = 1;

    private OutcomeJson() {
    }

    public static String write(RunOutcome outcome) {
        var root = Json.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("verdict", outcome.verdict().label());
        root.put("onViolation", outcome.onViolation().label());
        root.put("context", outcome.context());
        root.set("stages", stagesTree(outcome.stages()));
        var metrics = root.putObject("metrics");
        outcome.metrics().forEach((name, value) -> {
            if (Double.isFinite(value)) {
                metrics.put(name, value);
            } else {
                metrics.put(name, String.valueOf(value));
            }
        });
        outcome.report().ifPresent(report -> root.putObject("report").put("html", report.html())
                .put("chartData", report.chartData()).put("markdown", report.markdown()).put("experiments", report.experimentsHtml()));
        var history = root.putArray("newHistory");
        outcome.newHistory().forEach(history::add);
        outcome.problem().ifPresent(problem -> root.putObject("problem").put("exitCode", problem.exitCode())
                .put("message", problem.message()));
        return text(root);
    }

    public static RunOutcome read(String json) {
        var root = tree(json);
        if (root.path("schema").asInt(-1) != SCHEMA) {
            throw new IllegalArgumentException("not an mlexp run outcome of schema " + SCHEMA + " (found schema "
                    + root.path("schema").asText("none") + "): the controller and the agent run different mlexp versions");
        }
        var metrics = new LinkedHashMap<String, Double>();
        root.path("metrics").fields().forEachRemaining(field -> metrics.put(field.getKey(), field.getValue().isNumber()
                ? field.getValue().asDouble() : Double.parseDouble(field.getValue().asText())));
        var report = root.path("report");
        var problem = root.path("problem");
        var history = new ArrayList<String>();
        root.path("newHistory").forEach(line -> history.add(line.asText()));
        return new RunOutcome(RunOutcome.Verdict.fromLabel(root.path("verdict").asText()),
                MlexpConfig.OnViolation.valueOf(root.path("onViolation").asText("fail").toUpperCase(Locale.ROOT)),
                root.path("context").asText(""), stages(root.path("stages")), metrics,
                report.isObject() ? Optional.of(new RunOutcome.Report(report.path("html").asText(""),
                        report.path("chartData").asText("{}"), report.path("markdown").asText(""),
                        report.path("experiments").asText(""))) : Optional.empty(),
                history, problem.isObject() ? Optional.of(new RunOutcome.Problem(problem.path("exitCode").asInt(),
                        problem.path("message").asText())) : Optional.empty());
    }

    /** Stages alone, for a CI that carries the first half's stages to the second half on another machine. */
    public static String stages(List<StageResult> stages) {
        return text(stagesTree(stages));
    }

    public static List<StageResult> stages(String json) {
        return stages(tree(json));
    }

    private static ArrayNode stagesTree(List<StageResult> stages) {
        var array = Json.mapper().createArrayNode();
        stages.forEach(stage -> array.add(Json.mapper().valueToTree(RunJson.stage(stage))));
        return array;
    }

    private static List<StageResult> stages(JsonNode array) {
        var stages = new ArrayList<StageResult>();
        for (var node : array) {
            var findings = new ArrayList<Finding>();
            node.path("findings").forEach(finding -> findings.add(new Finding(finding.path("rule").asText(),
                    Severity.valueOf(finding.path("severity").asText().toUpperCase(Locale.ROOT)),
                    new SourceLocation(finding.path("file").asText(), finding.path("line").asInt(), finding.path("column").asInt()),
                    finding.path("message").asText(), finding.path("hint").asText(""))));
            stages.add(new StageResult(Stage.valueOf(node.path("stage").asText().toUpperCase(Locale.ROOT)),
                    StageResult.Status.valueOf(node.path("status").asText().toUpperCase(Locale.ROOT)), node.path("summary").asText(),
                    findings));
        }
        return stages;
    }

    private static JsonNode tree(String json) {
        try {
            var node = Json.mapper().readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("an empty run outcome");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON mlexp writes: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
