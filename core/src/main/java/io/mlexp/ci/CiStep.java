package io.mlexp.ci;

import io.mlexp.check.AtomicFiles;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.RepoPaths;
import io.mlexp.check.SourceLocation;
import io.mlexp.check.TextFiles;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.MlexpConfig;
import io.mlexp.config.SmokeConfig;
import io.mlexp.context.BuildContext;
import io.mlexp.history.History;
import io.mlexp.history.HistoryFormat;
import io.mlexp.run.ExperimentRun;
import io.mlexp.run.RunResult;
import io.mlexp.run.SmokeStage;
import io.mlexp.run.Stage;
import io.mlexp.run.StageResult;
import io.mlexp.smoke.ContainerPlan;
import io.mlexp.smoke.Smoke;
import io.mlexp.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A CI step's work in the workspace, in two halves around a container run that the CI carries out
 * itself (Jenkins through Docker Workflow on the agent's launcher): {@link #prepare} runs the stages
 * before the smoke run and plans the container, {@link #finish} judges it and publishes. Without a
 * container, {@link #prepare} runs everything. The CI keeps the history between builds: it is seeded
 * into {@link #HISTORY_DIR} and what a tag adds comes back in the outcome's {@code newHistory}.
 */
public final class CiStep {
    /** Where the CI's history is laid out in the workspace for the publish stage. */
    public static final String HISTORY_DIR = ".mlexp/ci-history";
    private static final long MAX_HISTORY_BYTES = 256L * 1024 * 1024;

    /** The first half: the stages so far, and the container run still to carry out, if any. */
    public record Prepared(RunResult run, Optional<ContainerPlan> container, int seededHistory) {
        /** The stages so far as JSON, for a CI that carries them across machines to {@link #outcome(String, RunResult, int)}. */
        public String stagesJson() {
            return CiOutcome.stagesJson(run);
        }
    }

    /** How the CI's container run ended, and what it learnt of the image and the machine. */
    public record ContainerRun(int exitCode, boolean timedOut, Duration elapsed, Map<String, String> fingerprint,
            String launcher) {
        public ContainerRun {
            fingerprint = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprint));
        }
    }

    private final Path directory;
    private final CiRequest request;

    public CiStep(Path directory, CiRequest request) {
        this.directory = directory;
        this.request = request;
    }

    public Prepared prepare(Consumer<String> progress) {
        var workspace = workspace();
        var config = config(workspace);
        var context = BuildContext.fromEnvironment(request.environment());
        int seeded = seedHistory(workspace, config);
        var selected = request.stages();
        var runs = ExperimentRun.standard(Optional.empty(), progress);
        var smoke = config.smoke();
        boolean inContainer = selected.contains(Stage.SMOKE) && smoke.image().isPresent()
                && (smoke.engine() == SmokeConfig.Engine.CONTAINER || smoke.engine() == SmokeConfig.Engine.AUTO);
        if (!inContainer) {
            return new Prepared(runs.run(workspace, ciConfig(config), context, selected), Optional.empty(), seeded);
        }
        var before = EnumSet.copyOf(selected);
        before.removeAll(EnumSet.of(Stage.SMOKE, Stage.PUBLISH));
        var run = runs.run(workspace, ciConfig(config), context, before);
        var imageProblem = request.registryPolicy().problem(smoke.image().get());
        if (imageProblem.isPresent()) {
            var refused = StageResult.of(Stage.SMOKE, "the image is not allowed here", List.of(Finding.error(
                    "smoke-image-policy", SourceLocation.of(workspace.configDisplayName()), imageProblem.get())
                    .withHint("use an image from an allowed registry, pinned by digest; the Jenkins administrators set the policy")));
            var stages = new ArrayList<>(run.stages());
            stages.add(refused);
            return new Prepared(new RunResult(context, stages), Optional.empty(), seeded);
        }
        var plan = ContainerPlan.of(config.smoke(), workspace.root(), workspace.root().resolve(Smoke.OUTPUT));
        return new Prepared(run, Optional.of(plan), seeded);
    }

    /** The second half: the smoke stage judged from the CI's container run, then the publish stage. */
    public RunResult finish(ContainerRun containerRun) {
        var workspace = workspace();
        var config = config(workspace);
        var context = BuildContext.fromEnvironment(request.environment());
        var after = EnumSet.copyOf(request.stages());
        after.retainAll(EnumSet.of(Stage.SMOKE, Stage.PUBLISH));
        var smoke = SmokeStage.of((smokeConfig, repository, output) -> ContainerPlan.judge(smokeConfig, output,
                containerRun.launcher(), containerRun.exitCode(), containerRun.timedOut(), containerRun.elapsed(),
                containerRun.fingerprint()));
        return ExperimentRun.standard(smoke).run(workspace, ciConfig(config), context, after);
    }

    /** Everything the CI shows and keeps of the run, read from the workspace after the last half. */
    public CiOutcome.Text outcome(List<RunResult> parts, int seededHistory) {
        var stages = new ArrayList<StageResult>();
        parts.forEach(part -> stages.addAll(part.stages()));
        var run = new RunResult(BuildContext.fromEnvironment(request.environment()), stages);
        return outcome("[]", run, seededHistory);
    }

    /**
     * The same, when the first half ran in another process: {@code earlierStages} is
     * {@link Prepared#stagesJson()}.
     */
    public CiOutcome.Text outcome(String earlierStages, RunResult last, int seededHistory) {
        var workspace = workspace();
        var config = config(workspace);
        var history = History.at(workspace.root().resolve(HISTORY_DIR)).read().entries();
        var added = history.subList(Math.min(seededHistory, history.size()), history.size()).stream()
                .map(HistoryFormat::write).toList();
        return CiOutcome.of(workspace.root(), config, earlierStages, last, added);
    }

    private Workspace workspace() {
        var root = directory.toAbsolutePath().normalize();
        var config = request.config().map(path -> RepoPaths.regularFileInside(root, path).orElseThrow(() ->
                InvalidInputException.of("config-missing", SourceLocation.of(path),
                        "no config file '" + path + "' inside the workspace (paths that leave it are refused)")));
        return new Workspace(root, config.orElse(root.resolve(ConfigLoader.FILE_NAME)));
    }

    private MlexpConfig config(Workspace workspace) {
        var config = workspace.loadConfig();
        return request.gpus().isPresent() ? config.withSmoke(config.smoke().withGpus(request.gpus().get())) : config;
    }

    private static MlexpConfig ciConfig(MlexpConfig config) {
        return config.withHistory(HISTORY_DIR);
    }

    /**
     * Lays the CI's history out in the workspace: what the CI kept, or on its first build the
     * repository's own history. Returns how many entries it holds.
     */
    private int seedHistory(Workspace workspace, MlexpConfig config) {
        var target = workspace.root().resolve(HISTORY_DIR).resolve(History.FILE);
        String text = request.history();
        if (text.isBlank()) {
            var own = RepoPaths.regularFileInside(workspace.root(), config.publish().history() + "/" + History.FILE);
            text = own.map(file -> TextFiles.readUtf8(file, config.publish().history() + "/" + History.FILE,
                    MAX_HISTORY_BYTES)).orElse("");
        }
        AtomicFiles.replace(target, text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
        return History.at(target.getParent()).read().entries().size();
    }
}
