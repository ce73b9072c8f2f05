package io.mlexp.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlexp.check.Finding;
import io.mlexp.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of findings and runs that {@code --format json} prints: plain maps, stable keys. */
public final class RunJson {

    private RunJson() {
    }

    public static String findings(List<Finding> findings) {
        return write(Map.of("findings", findings.stream().map(RunJson::finding).toList()));
    }

    public static String runs(List<RunResult> runs) {
        return write(Map.of("runs", runs.stream().map(RunJson::run).toList()));
    }

    /** One run as plain maps and lists, for callers that embed it in their own JSON. */
    public static Map<String, Object> run(RunResult run) {
        var map = new LinkedHashMap<String, Object>();
        map.put("context", run.context().kind().label());
        map.put("description", run.context().describe());
        map.put("stages", run.stages().stream().map(RunJson::stage).toList());
        return map;
    }

    /** One stage as plain maps: {@code stage}, {@code status} ({@code passed, failed, not_available}), {@code summary}, {@code findings}. */
    public static Map<String, Object> stage(StageResult stage) {
        var map = new LinkedHashMap<String, Object>();
        map.put("stage", stage.stage().label());
        map.put("status", stage.status().name().toLowerCase(java.util.Locale.ROOT));
        map.put("summary", stage.summary());
        map.put("findings", stage.findings().stream().map(RunJson::finding).toList());
        return map;
    }

    private static Map<String, Object> finding(Finding finding) {
        var map = new LinkedHashMap<String, Object>();
        map.put("rule", finding.ruleId());
        map.put("severity", finding.severity().label());
        map.put("file", finding.location().file());
        map.put("line", finding.location().line());
        map.put("column", finding.location().column());
        map.put("message", finding.message());
        map.put("hint", finding.hint());
        return map;
    }

    private static String write(Object value) {
        try {
            return Json.pretty().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
