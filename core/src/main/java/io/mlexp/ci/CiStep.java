package io.mlexp.ci;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.MlexpConfig;
import io.mlexp.config.SmokeConfig;
import io.mlexp.context.BuildContext;
import io.mlexp.history.History;
import io.mlexp.run.ExperimentRun;
import io.mlexp.run.RunResult;
import io.mlexp.run.SmokeStage;
import io.mlexp.run.Stage;
import io.mlexp.run.StageResult;
import io.mlexp.smoke.ContainerPlan;
import io.mlexp.smoke.Smoke;
import io.mlexp.util.AtomicFiles;
import io.mlexp.util.RepoPaths;
import io.mlexp.util.TextFiles;
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
import org.jspecify.annotations.Nullable;

/**
 * A CI step's work in the workspace, in two halves around a container run that the CI carries out itself (Jenkins
 * through Docker Workflow on the agent's launcher): {@link #prepare} reads {@code .mlexp.yml} once, runs the stages
 * before the smoke run and plans the container; {@link #finish} judges the run and publishes with the rules and the
 * history as they were before the training command ran (it ran with the repository writable). Without a container,
 * {@link #prepare} runs everything and {@link #outcome} sums it up. The CI keeps the history between builds: it is
 * laid out in {@link #HISTORY_DIR} and what a tag adds comes back in the outcome's {@code newHistory}.
 */
public final class CiStep {
    /** Where the CI's history is laid out in the workspace for the publish stage. */
    public static final String HISTORY_DIR = ".mlexp/ci-history";
    private static final long MAX_HISTORY_BYTES = 256L * 1024 * 1024;

    /** What the second half needs of the first, as text any CI can carry: the config's source and the history laid out. */
    public record Resume(String configSource, String history) {
    }

    /** The first half: the stages so far, and the container run still to carry out, if any. */
    public record Prepared(RunResult run, Optional<ContainerPlan> container, Resume resume) {
        /** The stages so far as JSON, for a CI that carries them to {@link #finish} on another machine. */
        public String stagesJson() {
            return OutcomeJson.stages(run.stages());
        }
    }

    /**
     * How the CI's container run ended, and what it learnt of the image and the machine.
     *
     * @param notStarted the engine's message when the container never started ({@code docker run} failed)
     */
    public record ContainerRun(int exitCode, boolean timedOut, Duration elapsed, Map<String, String> fingerprint,
            String launcher, Optional<String> notStarted) {
        public ContainerRun {
            fingerprint = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprint));
        }
    }

    private final Path directory;
    private final CiRequest request;
    private @Nullable Workspace workspace;
    private @Nullable String configSource;
    private @Nullable MlexpConfig config;
    private int seededHistory;

    public CiStep(Path directory, CiRequest request) {
        this.directory = directory;
        this.request = request;
    }

    public Prepared prepare(Consumer<String> progress) {
        var workspace = workspace();
        configSource = workspace.configSource();
        var config = config(configSource);
        var history = seedHistory(workspace, request.history().isBlank() ? ownHistory(workspace, config) : request.history());
        var resume = new Resume(configSource, history);
        var context = context();
        var selected = request.stages();
        var runs = ExperimentRun.standard(Optional.empty(), progress);
        var smoke = config.smoke();
        boolean inContainer = selected.contains(Stage.SMOKE) && smoke.image().isPresent()
                && (smoke.engine() == SmokeConfig.Engine.CONTAINER || smoke.engine() == SmokeConfig.Engine.AUTO);
        if (!inContainer) {
            return new Prepared(runs.run(workspace, ciConfig(config), context, selected), Optional.empty(), resume);
        }
        var before = EnumSet.copyOf(selected);
        before.removeAll(EnumSet.of(Stage.SMOKE, Stage.PUBLISH));
        var run = runs.run(workspace, ciConfig(config), context, before);
        var imageProblem = request.registryPolicy().problem(smoke.image().get());
        if (imageProblem.isPresent()) {
            var refused = StageResult.of(Stage.SMOKE, "the image is not allowed here", List.of(Finding.error(
                    "smoke-image-policy", smoke.where("image"), imageProblem.get())
                    .withHint("use an image from an allowed registry, pinned by digest; the Jenkins administrators set the policy")));
            var stages = new ArrayList<>(run.stages());
            stages.add(refused);
            return new Prepared(new RunResult(context, stages), Optional.empty(), resume);
        }
        var plan = ContainerPlan.of(config.smoke(), workspace.root(), workspace.root().resolve(Smoke.OUTPUT));
        return new Prepared(run, Optional.of(plan), resume);
    }

    /**
     * The second half, maybe on another machine: the smoke stage judged from the CI's container run, then the
     * publish stage, with the config and the history of {@code resume} (never read again from the workspace).
     *
     * @param earlier the first half's stages ({@link OutcomeJson#stages(String)} of {@link Prepared#stagesJson()})
     */
    public RunOutcome finish(List<StageResult> earlier, Resume resume, ContainerRun containerRun) {
        var workspace = workspace();
        configSource = resume.configSource();
        var config = config(configSource);
        seedHistory(workspace, resume.history());
        var after = EnumSet.copyOf(request.stages());
        after.retainAll(EnumSet.of(Stage.SMOKE, Stage.PUBLISH));
        var smoke = SmokeStage.of((smokeConfig, repository, output) -> containerRun.notStarted()
                .map(message -> ContainerPlan.notStarted(smokeConfig, containerRun.launcher(), message, containerRun.fingerprint()))
                .orElseGet(() -> ContainerPlan.judge(smokeConfig, repository, output, containerRun.launcher(), containerRun.exitCode(),
                        containerRun.timedOut(), containerRun.elapsed(), containerRun.fingerprint())));
        var last = ExperimentRun.standard(smoke).run(workspace, ciConfig(config), context(), after);
        var stages = new ArrayList<>(earlier);
        stages.addAll(last.stages());
        return outcome(new RunResult(last.context(), stages));
    }

    /** Everything the CI shows and keeps of a run that {@link #prepare} ran whole. */
    public RunOutcome outcome(RunResult run) {
        var workspace = workspace();
        var config = config(configSource == null ? workspace.configSource() : configSource);
        var history = History.at(workspace.root().resolve(HISTORY_DIR)).read().entries();
        return Outcomes.of(config, run, history.subList(Math.min(seededHistory, history.size()), history.size()));
    }

    private BuildContext context() {
        return BuildContext.fromEnvironment(request.environment());
    }

    private Workspace workspace() {
        if (workspace == null) {
            var root = directory.toAbsolutePath().normalize();
            var file = request.config().map(path -> RepoPaths.regularFileInside(root, path).orElseThrow(() ->
                    InvalidInputException.of("config-missing", SourceLocation.of(path),
                            "no config file '" + path + "' inside the workspace (paths that leave it are refused)")));
            workspace = new Workspace(root, file.orElse(root.resolve(ConfigLoader.FILE_NAME)));
        }
        return workspace;
    }

    private MlexpConfig config(String source) {
        if (config == null) {
            var loaded = workspace().loadConfig(source);
            config = request.gpus().isPresent() ? loaded.withSmoke(loaded.smoke().withGpus(request.gpus().get())) : loaded;
        }
        return config;
    }

    private static MlexpConfig ciConfig(MlexpConfig config) {
        return config.withHistory(HISTORY_DIR);
    }

    /** On a CI's first build, the repository's own history starts the CI's. */
    private static String ownHistory(Workspace workspace, MlexpConfig config) {
        var path = config.publish().history() + "/" + History.FILE;
        return RepoPaths.regularFileInside(workspace.root(), path).map(file -> TextFiles.readUtf8(file, path, MAX_HISTORY_BYTES))
                .orElse("");
    }

    /** Lays {@code text} out as the history the publish stage reads, and remembers how many entries it held. */
    private String seedHistory(Workspace workspace, String text) {
        var target = AtomicFiles.outputDirectory(workspace.root().resolve(HISTORY_DIR)).resolve(History.FILE);
        var lines = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        AtomicFiles.replace(target, lines);
        seededHistory = History.at(java.util.Objects.requireNonNull(target.getParent(), "the history file's folder")).read().entries().size();
        return lines;
    }
}
