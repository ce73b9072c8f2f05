package io.mlexp.run;

import io.mlexp.check.EnvironmentException;
import io.mlexp.config.MlexpConfig;
import io.mlexp.config.SmokeConfig;
import io.mlexp.context.BuildContext;
import io.mlexp.smoke.Smoke;
import io.mlexp.smoke.SmokeReport;
import io.mlexp.smoke.SmokeResult;
import io.mlexp.util.AtomicFiles;
import io.mlexp.workspace.Workspace;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The smoke stage: the smoke training of the working tree with the configured engine (or the one a
 * caller insists on, as the demo does), {@code smoke.json} and {@code metrics.jsonl} written to
 * {@code .mlexp/smoke}. A machine that cannot run any engine makes the stage not available, not passed.
 * Jenkins runs containers through Docker Workflow itself and hands the stage the judged run
 * ({@link #of(Runner)}), so the summary, the files and the verdict are the same everywhere.
 */
public final class SmokeStage implements StageRunner {
    /** How the stage gets its smoke run. */
    @FunctionalInterface
    public interface Runner {
        SmokeResult run(SmokeConfig smoke, Path repository, Path output);
    }

    private final Runner runner;

    private SmokeStage(Runner runner) {
        this.runner = runner;
    }

    /** Runs the smoke training with {@code engine}, or {@code smoke.engine} when empty. */
    public static SmokeStage running(Optional<SmokeConfig.Engine> engine, Consumer<String> progress) {
        return new SmokeStage((smoke, repository, output) ->
                Smoke.run(smoke, engine.orElse(smoke.engine()), repository, output, progress));
    }

    public static SmokeStage of(Runner runner) {
        return new SmokeStage(runner);
    }

    @Override
    public StageResult run(Workspace workspace, MlexpConfig config, BuildContext context) {
        var smoke = config.smoke();
        var output = AtomicFiles.outputDirectory(workspace.root().resolve(Smoke.OUTPUT));
        try {
            var result = runner.run(smoke, workspace.root(), output).judgedBy(config.rules());
            SmokeReport.write(output.resolve("smoke.json"), result);
            var summary = new StringBuilder(String.format(Locale.ROOT, "%s engine (%s): %s in %.1f s", result.engine(),
                    result.reason(), result.timedOut() ? "stopped at the timeout" : "ended with " + result.exitCode(),
                    result.elapsed().toMillis() / 1000.0));
            SmokeReport.series(result.metrics()).stream().filter(series -> series.name().equals(smoke.expect().lossMetric()))
                    .findFirst().ifPresent(loss -> summary.append(String.format(Locale.ROOT, ", %s %.4g at step %d to %.4g at step %d",
                            loss.name(), loss.first(), loss.firstStep(), loss.last(), loss.lastStep())));
            if (!result.metricsSource().isEmpty()) {
                var series = SmokeReport.series(result.metrics());
                summary.append("; read ").append(series.stream().mapToInt(SmokeReport.Series::points).max().orElse(0))
                        .append(" steps of ").append(String.join(", ", series.stream().map(SmokeReport.Series::name).toList()))
                        .append(" from ").append(result.metricsSource());
            }
            return StageResult.of(Stage.SMOKE, summary.toString(), result.findings()).withSmoke(result);
        } catch (EnvironmentException e) {
            return StageResult.notAvailable(Stage.SMOKE, String.valueOf(e.getMessage()));
        }
    }
}
