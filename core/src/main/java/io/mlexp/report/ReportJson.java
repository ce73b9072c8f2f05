package io.mlexp.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlexp.check.Finding;
import io.mlexp.history.HistoryEntry;
import io.mlexp.metrics.Sample;
import io.mlexp.util.Json;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** {@code report.json}: the report's facts for machines; also the data the HTML page's charts draw. */
public final class ReportJson {

    private ReportJson() {
    }

    public static String render(ReportFacts facts) {
        try {
            return Json.pretty().writeValueAsString(tree(facts)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line, for embedding in the HTML page. */
    public static String compact(ReportFacts facts) {
        try {
            return Json.mapper().writeValueAsString(tree(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data block of a page that shows only a smoke run's curves. */
    public static String smokeOnly(List<Sample> samples) {
        var root = Json.mapper().createObjectNode();
        smoke(root.putArray("smoke"), samples);
        root.putObject("trend").putArray("entries");
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void smoke(ArrayNode curves, List<Sample> samples) {
        for (var sample : samples) {
            var point = curves.addObject();
            point.put("step", sample.step());
            sample.values().forEach((name, value) -> Json.putNumber(point, name, OptionalDouble.of(value)));
        }
    }

    static ObjectNode tree(ReportFacts facts) {
        var root = Json.mapper().createObjectNode();
        root.put("title", facts.title());
        root.put("generated", facts.generated().toString());
        root.put("verdict", facts.gatesFailed() ? "failed" : "passed");
        findings(root.putArray("gates"), facts.gates());
        root.set("current", entry(facts.current()));
        facts.comparison().base().ifPresentOrElse(base -> root.set("base", entry(base)), () -> root.putNull("base"));
        var deltas = root.putArray("metrics");
        for (var delta : facts.comparison().deltas()) {
            var node = deltas.addObject();
            node.put("name", delta.metric());
            Json.putNumber(node, "current", delta.current());
            Json.putNumber(node, "base", delta.base());
            Json.putNumber(node, "change", delta.change());
            Json.putNumber(node, "relativeChange", delta.relativeChange());
            node.put("direction", delta.direction().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            node.put("verdict", delta.verdict());
        }
        var trend = root.putObject("trend");
        var points = trend.putArray("entries");
        for (var entry : facts.trend()) {
            var point = points.addObject();
            point.put("label", entry.label());
            point.put("commit", entry.commit());
            point.put("date", entry.date().toString());
            var values = point.putObject("metrics");
            entry.metrics().forEach((name, value) -> Json.putNumber(values, name, OptionalDouble.of(value)));
        }
        var metricNames = trend.putArray("metrics");
        facts.trendMetrics().forEach(metricNames::add);
        smoke(root.putArray("smoke"), facts.smokeCurves());
        var commits = root.putArray("commits");
        facts.commits().forEach(commit -> commits.addObject().put("id", commit.id()).put("subject", commit.subject()));
        findings(root.putArray("warnings"), facts.warnings());
        facts.experiments().ifPresent(table -> root.set("experiments", Json.mapper().valueToTree(table.asMap())));
        return root;
    }

    private static ObjectNode entry(HistoryEntry entry) {
        var node = Json.mapper().createObjectNode();
        entry.tag().ifPresent(tag -> node.put("tag", tag));
        node.put("label", entry.label());
        node.put("commit", entry.commit());
        node.put("date", entry.date().toString());
        node.put("context", entry.context());
        entry.smoke().ifPresent(smoke -> node.putObject("smoke").put("verdict", smoke.verdict()).put("engine", smoke.engine())
                .put("seconds", smoke.seconds()));
        var fingerprint = node.putObject("fingerprint");
        entry.fingerprint().forEach(fingerprint::put);
        entry.record().ifPresent(record -> node.put("record", record));
        return node;
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        for (var finding : findings) {
            array.addObject().put("rule", finding.ruleId()).put("severity", finding.severity().name().toLowerCase(Locale.ROOT))
                    .put("message", finding.message());
        }
    }
}
