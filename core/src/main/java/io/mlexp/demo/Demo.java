package io.mlexp.demo;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.context.BuildContext;
import io.mlexp.run.RunSummaryPage;
import io.mlexp.report.Reports;
import io.mlexp.run.ExperimentRun;
import io.mlexp.run.RunResult;
import io.mlexp.run.Stage;
import io.mlexp.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code mlexp demo}: the example in a scratch repository with a short history, run in the branch,
 * pull-request and tag contexts, with a report at the end.
 */
public final class Demo {
    /** Where the demo left everything. */
    public record Outcome(Path directory, Path repository, List<RunResult> runs, Path report) {
    }

    private final ExperimentRun experimentRun;
    private final Consumer<String> progress;

    public Demo(ExperimentRun experimentRun, Consumer<String> progress) {
        this.experimentRun = experimentRun;
        this.progress = progress;
    }

    /**
     * Runs the demo in {@code directory}, which must be new or empty: the demo never writes over files.
     *
     * @param copyExample puts the example project into the directory it is given
     */
    public Outcome run(Path directory, Consumer<Path> copyExample) {
        prepare(directory);
        var repository = directory.resolve("repo");
        progress.accept("Creating a Git repository with the digits example in " + repository);
        copyExample.accept(repository);
        DemoRepository.create(repository);
        progress.accept("  history: 4 commits on main, tag " + DemoRepository.TAG + ", branch " + DemoRepository.BRANCH);

        // The tag first: it starts the history that the pull request is then compared with.
        var contexts = List.of(
                new Checkout(DemoRepository.TAG, BuildContext.tag(DemoRepository.TAG, DemoRepository.TAG)),
                new Checkout(DemoRepository.BRANCH, BuildContext.branch(Optional.of(DemoRepository.MAIN), DemoRepository.BRANCH)),
                new Checkout(DemoRepository.BRANCH, BuildContext.pullRequest(DemoRepository.MAIN, DemoRepository.BRANCH)));
        var runs = new ArrayList<RunResult>();
        var metricReports = new LinkedHashMap<RunResult, String>();
        for (var checkout : contexts) {
            progress.accept("Running the " + checkout.context().describe());
            DemoRepository.checkout(repository, checkout.ref());
            var workspace = new Workspace(repository, repository.resolve(".mlexp.yml"));
            var run = experimentRun.run(workspace, workspace.loadConfig(), checkout.context(), EnumSet.allOf(Stage.class));
            runs.add(run);
            keepMetricReport(repository, directory.resolve("report"), checkout.context())
                    .ifPresent(href -> metricReports.put(run, href));
        }
        var report = directory.resolve("report").resolve("index.html");
        RunSummaryPage.write(report, "mlexp demo: digits", runs, metricReports);
        return new Outcome(directory, repository, runs, report);
    }

    private record Checkout(String ref, BuildContext context) {
    }

    /** Moves the metric report a run wrote into the demo's report folder (the next run would replace it). */
    private static Optional<String> keepMetricReport(Path repository, Path reports, BuildContext context) {
        var written = repository.resolve(Reports.OUTPUT);
        if (!Files.isRegularFile(written.resolve("index.html"))) {
            return Optional.empty();
        }
        var name = context.kind().label() + context.tag().map(tag -> "-" + tag).orElse("");
        var target = reports.resolve(name);
        try {
            Files.createDirectories(target);
            try (var files = Files.list(written)) {
                for (var file : files.toList()) {
                    Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the report of the " + context.describe() + ": " + e.getMessage(), e);
        }
        return Optional.of(name + "/index.html");
    }

    private static void prepare(Path directory) {
        try {
            if (Files.exists(directory)) {
                if (!Files.isDirectory(directory)) {
                    throw InvalidInputException.of("demo-out", SourceLocation.of(directory.toString()),
                            "exists and is not a directory; choose a new directory for --out");
                }
                try (var entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw InvalidInputException.of("demo-out", SourceLocation.of(directory.toString()),
                                "is not empty; the demo never writes over files, so choose a new or empty directory");
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }
}
