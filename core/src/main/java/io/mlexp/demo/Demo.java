package io.mlexp.demo;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.MlexpConfig;
import io.mlexp.context.BuildContext;
import io.mlexp.experiments.ExperimentTable;
import io.mlexp.experiments.Experiments;
import io.mlexp.experiments.RecordResults;
import io.mlexp.history.History;
import io.mlexp.run.RunSummaryPage;
import io.mlexp.report.Reports;
import io.mlexp.run.ExperimentRun;
import io.mlexp.run.RunResult;
import io.mlexp.run.Stage;
import io.mlexp.run.StageResult;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code mlexp demo}: the example in a scratch repository with a short history, run in the branch,
 * pull-request and tag contexts, with a report at the end.
 */
public final class Demo {
    /** Where the demo left everything. */
    public record Outcome(Path directory, Path repository, List<RunResult> runs, Path report, ExperimentTable experiments) {
        /** Whether every run passed, or failed only where the demo plants a failure. */
        public boolean asPlanned() {
            return runs.stream().allMatch(run -> !run.failed() || failedAsPlanned(run));
        }
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
        progress.accept("  history: 5 commits on main, tags v1.0 and v1.1 (annotated, their messages make claims)");
        var runs = new ArrayList<RunResult>();
        var metricReports = new LinkedHashMap<RunResult, String>();
        var reports = directory.resolve("report");
        for (var tag : DemoRepository.TAGS.subList(0, 2)) {
            runTag(repository, tag, runs, metricReports, reports);
        }

        progress.accept("Writing the baseline's measured results back into its record (mlexp record results EXP-001 --tag v1.0)");
        DemoRepository.checkout(repository, DemoRepository.MAIN);
        var config = new Workspace(repository, repository.resolve(".mlexp.yml")).loadConfig();
        var written = RecordResults.fromTag(repository, config.record(), "EXP-001", "v1.0", history(repository, config).read().entries());
        progress.accept("  " + String.join(", ", written.changed()) + ": " + written.metrics() + " metrics");
        DemoRepository.commitAndTagLast(repository, written.changed(), "docs: write the measured results back into the baseline's record");
        runTag(repository, DemoRepository.TAGS.get(2), runs, metricReports, reports);

        DemoRepository.branch(repository);
        progress.accept("  branch " + DemoRepository.BRANCH + ": EXP-002, and a smoke learning rate of 0.01");
        for (var context : List.of(BuildContext.branch(Optional.of(DemoRepository.MAIN), DemoRepository.BRANCH),
                BuildContext.pullRequest(DemoRepository.MAIN, DemoRepository.BRANCH))) {
            run(repository, DemoRepository.BRANCH, context, runs, metricReports, reports);
        }
        DemoRepository.checkout(repository, DemoRepository.MAIN);
        var warnings = new ArrayList<Finding>();
        var experiments = Experiments.table(repository, config.record(), history(repository, config).read().entries(), warnings);
        var report = reports.resolve("index.html");
        RunSummaryPage.write(report, "mlexp demo: digits", runs, metricReports, experiments);
        return new Outcome(directory, repository, runs, report, experiments);
    }

    /**
     * Whether a run failed only as the demo plants it: the last tag's message claims more accuracy than its full run
     * measured, and the claim check says so. Any other failure is a real one.
     */
    public static boolean failedAsPlanned(RunResult run) {
        var planted = "refs/tags/" + DemoRepository.TAGS.get(DemoRepository.TAGS.size() - 1);
        return run.stages().stream().filter(stage -> stage.status() == StageResult.Status.FAILED)
                .flatMap(stage -> stage.findings().stream()).filter(Finding::isError)
                .allMatch(finding -> finding.ruleId().equals("claim-metric-mismatch") && finding.location().file().equals(planted));
    }

    /** The full trainings' results for a tag, appended as {@code mlexp history append} would, then the tag's run. */
    private void runTag(Path repository, String tag, List<RunResult> runs, Map<RunResult, String> metricReports, Path reports) {
        DemoRepository.checkout(repository, tag);
        var config = new Workspace(repository, repository.resolve(".mlexp.yml")).loadConfig();
        var full = FullRuns.of(tag, DemoRepository.commitOf(repository, tag));
        history(repository, config).append(full);
        progress.accept("Appending the full training of " + tag + " to the history: " + full.metrics());
        run(repository, tag, BuildContext.tag(tag, tag), runs, metricReports, reports);
    }

    private void run(Path repository, String ref, BuildContext context, List<RunResult> runs, Map<RunResult, String> metricReports,
            Path reports) {
        progress.accept("Running the " + context.describe());
        DemoRepository.checkout(repository, ref);
        var workspace = new Workspace(repository, repository.resolve(".mlexp.yml"));
        var run = experimentRun.run(workspace, workspace.loadConfig(), context, EnumSet.allOf(Stage.class));
        runs.add(run);
        keepMetricReport(repository, reports, context).ifPresent(href -> metricReports.put(run, href));
    }

    private static History history(Path repository, MlexpConfig config) {
        return History.at(repository.resolve(config.publish().history()));
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
