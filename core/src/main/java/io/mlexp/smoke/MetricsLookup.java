package io.mlexp.smoke;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.Glob;
import io.mlexp.config.SmokeConfig;
import io.mlexp.metrics.MetricsFormat;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.metrics.Sample;
import io.mlexp.metrics.TensorBoardEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a smoke run's metrics where a training script already writes them, in this order: the JSON lines of
 * {@code $MLEXP_METRICS}; the newest file each {@code smoke.metrics} path or glob matches that the run wrote (JSON
 * lines, Lightning's CSV, a final {@code metrics.json}, TensorBoard event files, by name and content); the lines the run printed that
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
        var own = load(List.of(metricsFile), repository, problems);
        if (!own.samples().isEmpty()) {
            return new Found(own.samples(), "$MLEXP_METRICS (" + own.description() + ")", lookedIn, problems);
        }
        for (var pattern : smoke.metrics().paths()) {
            lookedIn.add("smoke.metrics '" + pattern + "'");
            var file = newestWritten(repository, pattern, started);
            if (file.isEmpty()) {
                continue;
            }
            var files = MetricsFormat.of(file.get()) == MetricsFormat.TENSORBOARD
                    ? eventFilesBeside(file.get(), repository, pattern, started) : List.of(file.get());
            var loaded = load(files, repository, problems);
            if (!loaded.samples().isEmpty()) {
                return new Found(loaded.samples(), displayName(file.get(), repository) + " (" + loaded.description() + ")", lookedIn, problems);
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
                + " (Lightning's CSVLogger: smoke.metrics: ['lightning_logs/version_*/metrics.csv'];"
                + " TensorBoard's SummaryWriter: smoke.metrics: ['runs/**/events.out.tfevents.*']); or read what it prints"
                + " with smoke.stdout-metrics (loss: '\\|\\s*loss\\s+(?P<value>[0-9.eE+-]+)')";
    }

    private static MetricsReader.Loaded load(List<Path> files, Path repository, List<Finding> problems) {
        var present = files.stream().filter(MetricsLookup::hasContent).toList();
        if (present.isEmpty()) {
            return new MetricsReader.Loaded(List.of(), "", List.of());
        }
        try {
            var loaded = MetricsReader.load(present, file -> displayName(file, repository));
            problems.addAll(loaded.problems());
            return loaded;
        } catch (InvalidInputException e) {
            problems.addAll(e.findings());
            return new MetricsReader.Loaded(List.of(), "", List.of());
        }
    }

    private static boolean hasContent(Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String displayName(Path file, Path repository) {
        var absolute = file.toAbsolutePath().normalize();
        var root = repository.toAbsolutePath().normalize();
        return String.valueOf(absolute.startsWith(root) ? root.relativize(absolute) : absolute.getFileName()).replace('\\', '/');
    }

    /** The event files of one TensorBoard run directory that this run wrote and the pattern matches. */
    private static List<Path> eventFilesBeside(Path newest, Path repository, String pattern, Instant started) {
        var glob = Glob.compile(pattern);
        var since = FileTime.from(started.minusSeconds(2));
        try {
            return TensorBoardEvents.eventFiles(java.util.Objects.requireNonNull(newest.getParent(), "a file's folder")).stream()
                    .filter(file -> glob.matches(displayName(file, repository)) && writtenSince(file, since))
                    .toList();
        } catch (UncheckedIOException e) {
            return List.of(newest);
        }
    }

    private static boolean writtenSince(Path file, FileTime since) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(file).compareTo(since) >= 0;
        } catch (IOException e) {
            return false;
        }
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
                    return SKIPPED.contains(String.valueOf(dir.getFileName())) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
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
