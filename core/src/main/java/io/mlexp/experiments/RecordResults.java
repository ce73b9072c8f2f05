package io.mlexp.experiments;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordConfig;
import io.mlexp.history.Entries;
import io.mlexp.history.HistoryEntry;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.metrics.Sample;
import io.mlexp.smoke.SmokeReport;
import io.mlexp.util.AtomicFiles;
import io.mlexp.util.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code mlexp record results}: a record's Results filled with what a smoke run or a tag measured, and the run's loss
 * curve as an SVG beside the record. Each file is written only when its content changes, and whole or not at all.
 */
public final class RecordResults {
    /** What was written: the files changed (none when the record already held these results) and how many metrics. */
    public record Outcome(String record, List<String> changed, int metrics) {
        public Outcome {
            changed = List.copyOf(changed);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private RecordResults() {
    }

    /** The final values and curves of the smoke run whose output is {@code smokeDir} ({@code display} names it). */
    public static Outcome fromSmoke(Path root, RecordConfig config, String id, Path smokeDir, String display) {
        var metrics = smokeDir.resolve("metrics.jsonl");
        if (!Files.isRegularFile(metrics)) {
            throw InvalidInputException.of("record-results-none", SourceLocation.of(display),
                    "holds no metrics.jsonl: no smoke run wrote here; run 'mlexp smoke' first, or name a tag with --tag");
        }
        var samples = MetricsReader.read(metrics, display + "/metrics.jsonl");
        var written = SmokeReport.read(smokeDir.resolve("smoke.json"));
        var provenance = "Measured by the smoke run in `" + display + "`" + written.map(run -> String.format(Locale.ROOT,
                " (%s on the %s engine)", run.verdict(), run.engine())).orElse("") + ": the last of " + samples.size() + " logged steps.";
        return write(root, config, id, Entries.finalValues(samples), provenance, samples);
    }

    /** The final values the history holds for tag {@code tag}: its full run's, else its smoke run's. */
    public static Outcome fromTag(Path root, RecordConfig config, String id, String tag, List<HistoryEntry> history) {
        var ofTag = history.stream().filter(each -> each.tag().filter(tag::equals).isPresent()).toList();
        var entry = Claimed.fullRuns(ofTag).reduce((first, second) -> second)
                .or(() -> ofTag.stream().reduce((first, second) -> second))
                .orElseThrow(() -> InvalidInputException.of("record-results-none", SourceLocation.of("--tag"),
                        "no entry of the history has the tag '" + tag + "'; 'mlexp history list' shows them"));
        var provenance = "Measured " + (entry.smoke().isPresent() ? "by the smoke run " : "") + "at tag `" + tag + "` (commit "
                + entry.commit().substring(0, Math.min(7, entry.commit().length())) + ", " + DAY.format(entry.date()) + ").";
        return write(root, config, id, entry.metrics(), provenance, List.of());
    }

    private static Outcome write(Path root, RecordConfig config, String id, java.util.Map<String, Double> finals, String provenance,
            List<Sample> samples) {
        if (finals.isEmpty()) {
            throw InvalidInputException.of("record-results-none", SourceLocation.of(id), "the run logged no metrics to write");
        }
        var found = new io.mlexp.record.RecordCheck(config).find(root, id).orElseThrow(() -> InvalidInputException.of(
                "record-missing", SourceLocation.of(config.dir() + "/" + id + ".md"), "no record has the ID " + id
                        + "; 'mlexp experiments' lists them"));
        var path = found.source().path();
        if (found.source().isNotebook()) {
            throw InvalidInputException.of("record-results-notebook", SourceLocation.of(path),
                    "is a notebook; record results writes into Markdown records only. Paste the table 'mlexp experiments"
                            + " --format markdown' prints into the notebook's Results cell");
        }
        var changed = new ArrayList<String>();
        var curves = samples.isEmpty() ? List.<String>of() : curveMetrics(finals.keySet());
        var svgPath = path.substring(0, path.lastIndexOf('/') + 1) + id + "-loss.svg";
        Optional<String> image = curves.isEmpty() ? Optional.empty() : Optional.of(svgPath.substring(svgPath.lastIndexOf('/') + 1));
        // the record's new text first: a record it cannot write into leaves no curve behind either
        var text = ResultsWriter.write(found.source().markdown(), found.record(), ResultsWriter.block(finals, provenance, image));
        if (!curves.isEmpty() && replace(root, svgPath, CurveSvg.render(id + ": " + String.join(", ", curves), samples, curves))) {
            changed.add(svgPath);
        }
        if (replace(root, path, text)) {
            changed.add(path);
        }
        return new Outcome(path, changed, finals.size());
    }

    /** The losses, else at most three metrics: what a curve shows. */
    private static List<String> curveMetrics(java.util.Collection<String> names) {
        var losses = names.stream().filter(name -> name.toLowerCase(Locale.ROOT).contains("loss")).toList();
        return losses.isEmpty() ? names.stream().limit(3).toList() : losses;
    }

    /** Writes {@code text} to a repository path unless it holds it already; whether it wrote. */
    private static boolean replace(Path root, String path, String text) {
        var file = RepoPaths.inside(root, SourceLocation.of(path), "record", path);
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        AtomicFiles.replace(file, text);
        return true;
    }
}
