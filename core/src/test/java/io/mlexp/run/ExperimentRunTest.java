package io.mlexp.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.SourceLocation;
import io.mlexp.context.BuildContext;
import io.mlexp.demo.DemoRepository;
import io.mlexp.demo.ExampleProject;
import io.mlexp.metrics.Sample;
import io.mlexp.smoke.Smoke;
import io.mlexp.smoke.SmokeResult;
import io.mlexp.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one stage hands the next within a run: the smoke run to the publish stage, in memory. */
class ExperimentRunTest {
    @TempDir
    Path repo;
    private Workspace workspace;

    @BeforeEach
    void createRepository() {
        ExampleProject.copy(Path.of("..", "examples", "digits"), repo);
        DemoRepository.create(repo);
        DemoRepository.checkout(repo, DemoRepository.TAGS.get(0));
        workspace = new Workspace(repo, repo.resolve(".mlexp.yml"));
    }

    private RunResult tagRun(SmokeStage smoke) {
        return ExperimentRun.standard(smoke).run(workspace, workspace.loadConfig(), BuildContext.tag("v1.0", "HEAD"),
                EnumSet.of(Stage.SMOKE, Stage.PUBLISH));
    }

    @Test
    void aSmokeStageThatCouldNotRunLeavesNothingToPublishWhichIsNoViolation() {
        var run = tagRun(SmokeStage.of((smoke, repository, output) -> {
            throw new EnvironmentException("the embedded engine is not installed");
        }));

        assertThat(run.stages()).extracting(StageResult::status)
                .containsExactly(StageResult.Status.NOT_AVAILABLE, StageResult.Status.NOT_AVAILABLE);
        assertThat(run.stages().get(1).summary()).contains("the smoke stage could not run here");
        assertThat(run.failed()).isFalse();
        assertThat(run.incomplete()).isTrue();
    }

    @Test
    void thePublishStageTakesTheSmokeRunOfThisRunNotWhatFilesSay() throws Exception {
        // a team whose .gitignore knows nothing of mlexp
        Files.writeString(repo.resolve(".gitignore"), Files.readString(repo.resolve(".gitignore")).replace(".mlexp/\n", ""));
        // a stale metrics file from another run, which the publish stage must not read
        Files.createDirectories(repo.resolve(Smoke.OUTPUT));
        Files.writeString(repo.resolve(Smoke.OUTPUT).resolve("metrics.jsonl"), "{\"step\": 1, \"loss\": 99.0}\n");
        var samples = List.of(new Sample(1, Map.of("loss", 2.0), SourceLocation.of("run")),
                new Sample(50, Map.of("loss", 0.3, "eval_accuracy", 0.93), SourceLocation.of("run")));

        var run = tagRun(SmokeStage.of((smoke, repository, output) -> new SmokeResult("container", "test", 0, false,
                Duration.ofSeconds(3), samples, Map.of("gpu", "none"), List.of())));

        var publish = run.stages().get(1);
        assertThat(publish.status()).isEqualTo(StageResult.Status.PASSED);
        assertThat(publish.report()).hasValueSatisfying(facts -> assertThat(facts.current().metrics())
                .containsEntry("loss", 0.3).containsEntry("eval_accuracy", 0.93));
        assertThat(run.stages().get(0).smoke()).map(SmokeResult::metrics).contains(samples);
        assertThat(Optional.of(publish.summary())).hasValueSatisfying(summary -> assertThat(summary).contains("appended v1.0"));
        // what mlexp wrote stays out of a plain 'git add -A'
        var status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=all").directory(repo.toFile())
                .redirectErrorStream(true).start();
        assertThat(new String(status.getInputStream().readAllBytes())).doesNotContain(".mlexp/report", ".mlexp/smoke");
        assertThat(Files.readString(repo.resolve(".mlexp/report/.gitignore"))).endsWith("*\n");
    }
}
