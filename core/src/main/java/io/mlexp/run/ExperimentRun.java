package io.mlexp.run;

import io.mlexp.record.NamedRecordCheck;
import io.mlexp.record.PullRequestRecordCheck;
import io.mlexp.commit.CommitRangeCheck;
import io.mlexp.commit.CommitRules;
import io.mlexp.config.MlexpConfig;
import io.mlexp.config.SmokeConfig;
import io.mlexp.context.BuildContext;
import io.mlexp.files.ConfigsCheck;
import io.mlexp.files.GitFiles;
import io.mlexp.workspace.Workspace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one entry point behind {@code mlexp run}, the demo and the Jenkins step: decides from the
 * context which stages run and runs them in order. A stage whose capability is not built, or that
 * cannot run on this machine, reports {@link StageResult.Status#NOT_AVAILABLE}; nothing stands in for it.
 */
public final class ExperimentRun {
    private final Map<Stage, StageRunner> runners;

    public ExperimentRun(Map<Stage, StageRunner> runners) {
        this.runners = new EnumMap<>(Stage.class);
        this.runners.putAll(runners);
    }

    /** The stages mlexp has built so far, the smoke stage with the configured engine and no progress lines. */
    public static ExperimentRun standard() {
        return standard(Optional.empty(), line -> { });
    }

    /**
     * The stages mlexp has built so far.
     *
     * @param smokeEngine the smoke engine to use instead of {@code smoke.engine}
     * @param progress receives the smoke run's output as it comes
     */
    public static ExperimentRun standard(Optional<SmokeConfig.Engine> smokeEngine, Consumer<String> progress) {
        return standard(SmokeStage.running(smokeEngine, progress));
    }

    /** The stages mlexp has built, with {@code smoke} as the smoke stage (Jenkins' Docker Workflow runs). */
    public static ExperimentRun standard(StageRunner smoke) {
        return new ExperimentRun(Map.of(
                Stage.CONFIG, ExperimentRun::configSummary,
                Stage.COMMITS, ExperimentRun::commits,
                Stage.CONFIGS, ExperimentRun::configs,
                Stage.RECORD, ExperimentRun::record,
                Stage.SMOKE, smoke,
                Stage.PUBLISH, new PublishStage()));
    }

    public RunResult run(Workspace workspace, MlexpConfig config, BuildContext context, Set<Stage> selected) {
        var results = new ArrayList<StageResult>();
        for (var stage : Stage.values()) {
            if (!stage.runsIn(context.kind()) || !selected.contains(stage)) {
                continue;
            }
            var runner = runners.get(stage);
            results.add(runner == null
                    ? StageResult.notAvailable(stage, "the " + stage.description() + " stage is not built yet")
                    : runner.run(workspace, config, context, List.copyOf(results)).judgedBy(config.rules()));
        }
        return new RunResult(context, results);
    }

    private static StageResult commits(Workspace workspace, MlexpConfig config, BuildContext context) {
        var check = new CommitRangeCheck(new CommitRules(config.commits(), config.record()));
        var range = context.base().map(base -> base + ".." + context.head()).orElse(context.head());
        var result = context.base().isPresent()
                ? check.check(workspace.root(), range, List.of())
                : check.checkCommit(workspace.root(), context.head());
        var summary = "%d commit%s of %s checked%s".formatted(result.checked(), result.checked() == 1 ? "" : "s", range,
                result.skipped() > 0 ? ", " + result.skipped() + " merge/revert/fixup skipped" : "");
        return StageResult.of(Stage.COMMITS, summary, result.findings());
    }

    private static StageResult configs(Workspace workspace, MlexpConfig config, BuildContext context) {
        try (var files = GitFiles.open(workspace.root())) {
            var result = ConfigsCheck.check(config, files.atRevision(context.head()), context.head());
            var summary = "%d training config%s at %s: %s".formatted(result.checked().size(),
                    result.checked().size() == 1 ? "" : "s", context.head(), String.join(", ", result.checked()));
            return StageResult.of(Stage.CONFIGS, summary, result.findings());
        }
    }

    private static StageResult record(Workspace workspace, MlexpConfig config, BuildContext context) {
        if (context.kind() == BuildContext.Kind.PULL_REQUEST && context.base().isPresent()) {
            var outcome = new PullRequestRecordCheck(config.record()).check(workspace.root(), context.base().get(), context.head());
            return StageResult.of(Stage.RECORD, outcome.summary(), outcome.findings());
        }
        var check = new NamedRecordCheck(config.record());
        var outcome = context.kind() == BuildContext.Kind.TAG && context.base().isEmpty()
                ? check.checkTag(workspace.root(), context.head())
                : check.check(workspace.root(), context.base(), context.head());
        return StageResult.of(Stage.RECORD, outcome.summary(), outcome.findings());
    }

    private static StageResult configSummary(Workspace workspace, MlexpConfig config, BuildContext context) {
        var summary = "%s is valid: %d commit types, %d forbidden path patterns, smoke engine %s, quality gates on %s"
                .formatted(workspace.configDisplayName(), config.commits().types().size(),
                        config.files().forbidden().size(), config.smoke().engine().label(),
                        config.publish().gates().isEmpty() ? "no metric" : String.join(", ", config.publish().gates().keySet()));
        return StageResult.of(Stage.CONFIG, summary, List.of());
    }
}
