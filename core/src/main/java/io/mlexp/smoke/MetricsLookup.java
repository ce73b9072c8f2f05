package io.mlexp.smoke;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.Glob;
import io.mlexp.config.SmokeConfig;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.metrics.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a smoke run's metrics where a training script already writes them, in this order: the JSON lines of
 * {@code $MLEXP_METRICS}; the newest file each {@code smoke.metrics} path or glob matches that the run wrote (JSON
 * lines, Lightning's CSV, a final {@code metrics.json}, by name and content); the lines the run printed that
 * {@code smoke.stdout-metrics} patterns read. The first that holds samples is the run's, and says where it came from.
 */
final class MetricsLookup {
    /** Directories that hold no training output; not walked. */
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", ".venv", "venv", "__pycache__");
    private static final int MAX_FILES_WALKED = 200_000;

    /** The samples and where they came from, or the places looked in and what was wrong with them. */
    record Found(List<Sample> samples, String source, List<String> lookedIn, List<Finding> problems) {
    }

    private MetricsLookup() {
    }

    static Found find(SmokeConfig smoke, Path metricsFile, Path repository, Instant started, StdoutMetrics stdout) {
        var lookedIn = new ArrayList<String>();
        var problems = new ArrayList<Finding>();
        lookedIn.add("$MLEXP_METRICS (" + metricsFile.getFileName() + ")");
        var own = read(metricsFile, "metrics.jsonl", problems);
        if (!own.isEmpty()) {
            return new Found(own, "$MLEXP_METRICS (JSON lines)", lookedIn, problems);
        }
        for (var pattern : smoke.metrics().paths()) {
            lookedIn.add("smoke.metrics '" + pattern + "'");
            var file = newestWritten(repository, pattern, started);
            if (file.isEmpty()) {
                continue;
            }
            var name = repository.relativize(file.get()).toString().replace('\\', '/');
            if (file.get().getFileName().toString().contains("tfevents")) {
                problems.add(Finding.warning("smoke-metrics-format", SourceLocation.of(name),
                        "TensorBoard event files are not read yet").withHint("log the same scalars as JSON lines or CSV too"));
                continue;
            }
            var samples = read(file.get(), name, problems);
            if (!samples.isEmpty()) {
                return new Found(samples, name + " (" + format(name) + ")", lookedIn, problems);
            }
        }
        if (stdout.isConfigured()) {
            lookedIn.add("the output, with smoke.stdout-metrics for " + String.join(", ", stdout.names()));
            var printed = stdout.samples();
            if (!printed.isEmpty()) {
                return new Found(printed, "the output (smoke.stdout-metrics)", lookedIn, problems);
            }
        }
        return new Found(List.of(), "", lookedIn, problems);
    }

    /** What the team can change so that a run's metrics are found: one line for each way. */
    static String howToLog() {
        return "write one JSON line a step to $MLEXP_METRICS (print(json.dumps({'step': step, 'loss': loss}),"
                + " file=open(os.environ['MLEXP_METRICS'], 'a'))); or point smoke.metrics at what the code writes"
                + " (Lightning's CSVLogger: smoke.metrics: ['lightning_logs/version_*/metrics.csv']); or read what it prints"
                + " with smoke.stdout-metrics (loss: '\\|\\s*loss\\s+(?P<value>[0-9.eE+-]+)')";
    }

    private static List<Sample> read(Path file, String name, List<Finding> problems) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 ? MetricsReader.read(file, name) : List.of();
        } catch (InvalidInputException e) {
            problems.addAll(e.findings());
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static String format(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") ? "CSV" : lower.endsWith(".json") ? "JSON" : "JSON lines";
    }

    /**
     * The newest regular file under {@code repository} that {@code pattern} matches and that was written since the run
     * started (a log of an earlier run is not this run's). The walk starts at the pattern's fixed leading folders.
     */
    static Optional<Path> newestWritten(Path repository, String pattern, Instant started) {
        var glob = Glob.compile(pattern);
        var start = repository;
        for (var segment : pattern.split("/")) {
            if (segment.isEmpty() || segment.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0) || !Files.isDirectory(start.resolve(segment))) {
                break;
            }
            start = start.resolve(segment);
        }
        if (!Files.isDirectory(start)) {
            return Optional.empty();
        }
        var since = FileTime.from(started.minusSeconds(2));
        var newest = new Path[1];
        var newestTime = new FileTime[1];
        var walked = new int[1];
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), 16, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (++walked[0] > MAX_FILES_WALKED) {
                        return FileVisitResult.TERMINATE;
                    }
                    var modified = attributes.lastModifiedTime();
                    if (attributes.isRegularFile() && modified.compareTo(since) >= 0
                            && glob.matches(repository.relativize(file).toString().replace('\\', '/'))
                            && (newestTime[0] == null || modified.compareTo(newestTime[0]) > 0)) {
                        newest[0] = file;
                        newestTime[0] = modified;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(newest[0]);
    }
}
