package io.mlexp.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlexp.metrics.Sample;
import io.mlexp.util.AtomicFiles;
import io.mlexp.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code smoke.json}: the verdicts, the engine, the fingerprint and each metric's first and last value. */
public final class SmokeReport {
    /** A metric over the run: how often it was logged, its first and last value and steps. */
    public record Series(String name, int points, long firstStep, double first, long lastStep, double last) {
    }


    private SmokeReport() {
    }

    public static List<Series> series(List<Sample> samples) {
        var byName = new LinkedHashMap<String, List<Sample>>();
        for (var sample : samples) {
            sample.values().keySet().forEach(name -> byName.computeIfAbsent(name, key -> new ArrayList<>()).add(sample));
        }
        var series = new ArrayList<Series>();
        byName.forEach((name, points) -> {
            var first = points.get(0);
            var last = points.get(points.size() - 1);
            series.add(new Series(name, points.size(), first.step(), java.util.Objects.requireNonNull(first.values().get(name), name),
                    last.step(), java.util.Objects.requireNonNull(last.values().get(name), name)));
        });
        return series;
    }

    public static void write(Path file, SmokeResult result) {
        var report = new LinkedHashMap<String, Object>();
        report.put("verdict", result.failed() ? "failed" : "passed");
        report.put("engine", result.engine());
        report.put("reason", result.reason());
        report.put("exitCode", result.exitCode());
        report.put("timedOut", result.timedOut());
        report.put("seconds", result.elapsed().toMillis() / 1000.0);
        report.put("fingerprint", result.fingerprint());
        report.put("metrics", series(result.metrics()).stream().map(SmokeReport::json).toList());
        report.put("metricsSource", result.metricsSource());
        report.put("findings", result.findings().stream().map(finding -> Map.of(
                "rule", finding.ruleId(), "severity", finding.severity().name().toLowerCase(java.util.Locale.ROOT),
                "location", finding.location().toString(), "message", finding.message())).toList());
        try {
            AtomicFiles.replace(file, Json.pretty().writeValueAsString(report) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a later stage needs of a {@code smoke.json} written by {@link #write}. */
    public record Written(String verdict, String engine, double seconds, Map<String, String> fingerprint) {
        /** What {@link #write} would write of {@code result}, without the file. */
        public static Written of(SmokeResult result) {
            return new Written(result.failed() ? "failed" : "passed", result.engine(), result.elapsed().toMillis() / 1000.0,
                    result.fingerprint());
        }
    }

    /** Reads back a {@code smoke.json}; empty when there is none or it is not one mlexp wrote. */
    public static Optional<Written> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            var node = Json.mapper().readTree(file.toFile());
            if (node == null || !node.path("verdict").isTextual()) {
                return Optional.empty();
            }
            var fingerprint = new LinkedHashMap<String, String>();
            node.path("fingerprint").fields().forEachRemaining(field -> fingerprint.put(field.getKey(), field.getValue().asText()));
            return Optional.of(new Written(node.path("verdict").asText(), node.path("engine").asText(""),
                    node.path("seconds").asDouble(0), fingerprint));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> json(Series series) {
        var values = new LinkedHashMap<String, Object>();
        values.put("name", series.name());
        values.put("points", series.points());
        values.put("firstStep", series.firstStep());
        values.put("first", Json.number(series.first()));
        values.put("lastStep", series.lastStep());
        values.put("last", Json.number(series.last()));
        return values;
    }

}
