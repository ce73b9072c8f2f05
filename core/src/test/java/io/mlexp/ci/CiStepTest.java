package io.mlexp.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.InvalidInputException;
import io.mlexp.demo.DemoRepository;
import io.mlexp.demo.ExampleProject;
import io.mlexp.image.RegistryPolicy;
import io.mlexp.run.Stage;
import io.mlexp.run.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins step's work, without Jenkins: the demo repository at its tag, the container run carried
 * out "by the CI" (here: the metrics a container would have written), then judged and published, with the
 * first half's stages and rules carried to the second half as Jenkins carries them (JSON and text).
 */
class CiStepTest {
    @TempDir
    Path repo;

    @BeforeEach
    void createRepository() {
        ExampleProject.copy(Path.of("..", "examples", "digits"), repo);
        DemoRepository.create(repo);
        DemoRepository.checkout(repo, DemoRepository.TAGS.get(0));
    }

    private static CiRequest request(Map<String, String> environment, String history, RegistryPolicy policy) {
        return new CiRequest(Optional.empty(), Set.of(), environment, Optional.of("device=0"), policy, history);
    }

    private void containerWrites(double firstLoss, double lastLoss, double evalAccuracy) throws Exception {
        Files.writeString(repo.resolve(".mlexp/smoke/metrics.jsonl"), """
                {"step": 1, "loss": %s, "accuracy": 0.2}
                {"step": 50, "loss": %s, "accuracy": 0.9, "eval_accuracy": %s}
                """.formatted(firstLoss, lastLoss, evalAccuracy));
    }

    private static CiStep.ContainerRun ran(int exitCode) {
        return new CiStep.ContainerRun(exitCode, false, Duration.ofSeconds(41), Map.of("gpu", "NVIDIA H100"), "Docker Workflow",
                Optional.empty());
    }

    /** The second half as Jenkins runs it: a new step on the agent, the first half's stages as JSON. */
    private RunOutcome finish(CiRequest request, CiStep.Prepared prepared, CiStep.ContainerRun run) {
        var outcome = new CiStep(repo, request).finish(OutcomeJson.stages(prepared.stagesJson()), prepared.resume(), run);
        return OutcomeJson.read(outcome.json());
    }

    @Test
    void plansTheContainerRunThenJudgesItAndKeepsTheTagInTheHistory() throws Exception {
        var request = request(Map.of("TAG_NAME", "v1.0"), "", RegistryPolicy.any());
        var prepared = new CiStep(repo, request).prepare(line -> { });
        assertThat(prepared.container()).hasValueSatisfying(plan -> {
            assertThat(plan.options()).containsExactly("--gpus", "device=0", "--network", "none");
            assertThat(plan.image()).startsWith("registry.example/pytorch/pytorch:2.5.1");
        });
        assertThat(prepared.run().stages()).extracting(StageResult::stage).doesNotContain(Stage.SMOKE, Stage.PUBLISH);

        containerWrites(2.3, 0.4, 0.91);
        var outcome = finish(request, prepared, ran(0));

        assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.PASSED);
        assertThat(statuses(outcome)).containsOnlyKeys("config", "configs", "record", "smoke", "publish")
                .containsEntry("smoke", StageResult.Status.PASSED).containsEntry("publish", StageResult.Status.PASSED);
        assertThat(outcome.metrics()).containsEntry("loss", 0.4);
        assertThat(outcome.report()).hasValueSatisfying(report -> {
            assertThat(report.html()).contains("class=\"mlexp-report\"", "id=\"verdict\"", "NVIDIA H100");
            assertThat(report.markdown()).contains("Quality gates passed", "eval\\_accuracy");
            assertThat(report.chartData()).contains("\"smoke\"", "\"trend\"");
        });
        assertThat(outcome.newHistory()).singleElement().asString().contains("\"tag\":\"v1.0\"", "\"loss\":0.4");
    }

    /** Tag v1.0 built with eval_accuracy 0.91: the history line the CI keeps of it. */
    private String firstTagKept() throws Exception {
        var firstRequest = request(Map.of("TAG_NAME", "v1.0"), "", RegistryPolicy.any());
        var prepared = new CiStep(repo, firstRequest).prepare(line -> { });
        containerWrites(2.3, 0.4, 0.91);
        return finish(firstRequest, prepared, ran(0)).newHistory().get(0);
    }

    @Test
    void comparesWithTheHistoryTheCiKeptAndFailsAGateAgainstIt() throws Exception {
        var kept = firstTagKept();

        var secondRequest = request(Map.of("TAG_NAME", "v1.1"), kept + "\n", RegistryPolicy.any());
        var again = new CiStep(repo, secondRequest).prepare(line -> { });
        containerWrites(2.3, 0.5, 0.70);
        var outcome = finish(secondRequest, again, ran(0));

        assertThat(statuses(outcome)).containsEntry("publish", StageResult.Status.FAILED);
        assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.FAILED);
        assertThat(outcome.stage("publish").orElseThrow().findings()).extracting(f -> f.ruleId()).contains("gate-max-drop");
        assertThat(outcome.newHistory()).hasSize(1);
    }

    @Test
    void theTrainingCommandCannotRewriteTheRulesOrTheHistoryItIsJudgedBy() throws Exception {
        var kept = firstTagKept();

        var request = request(Map.of("TAG_NAME", "v1.1"), kept + "\n", RegistryPolicy.any());
        var prepared = new CiStep(repo, request).prepare(line -> { });
        // what code under test could do with the repository mounted read-write: drop the gate and the history
        var config = repo.resolve(".mlexp.yml");
        Files.writeString(config, Files.readString(config).replace("max-drop: 0.02", "max-drop: 0.99")
                .replace("loss-decrease: 0.05", "loss-decrease: 0.0"));
        Files.writeString(repo.resolve(CiStep.HISTORY_DIR).resolve("history.jsonl"), "");
        containerWrites(2.3, 0.5, 0.70);

        var outcome = finish(request, prepared, ran(0));

        assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.FAILED);
        assertThat(outcome.stage("publish").orElseThrow().summary()).contains("compared with v1.0");
        assertThat(outcome.stage("publish").orElseThrow().findings()).extracting(f -> f.ruleId()).contains("gate-max-drop");
    }

    @Test
    void aContainerThatFailsFailsTheSmokeStage() {
        var request = request(Map.of("TAG_NAME", "v1.0"), "", RegistryPolicy.any());
        var prepared = new CiStep(repo, request).prepare(line -> { });

        var outcome = finish(request, prepared, new CiStep.ContainerRun(-1, true, Duration.ofMinutes(10), Map.of(),
                "Docker Workflow", Optional.empty()));

        assertThat(outcome.stage("smoke").orElseThrow().findings()).extracting(f -> f.ruleId()).contains("smoke-timeout");
        assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.FAILED);
    }

    @Test
    void aContainerTheEngineRefusedToStartIsAFailedSmokeStageInOneLine() {
        var request = request(Map.of(), "", RegistryPolicy.any());
        var prepared = new CiStep(repo, request).prepare(line -> { });

        var outcome = finish(request, prepared, new CiStep.ContainerRun(-1, false, Duration.ZERO, Map.of("node", "gpu-1"),
                "Docker Workflow", Optional.of("Failed to run image 'x'. Error: docker: Error response from daemon: could not select"
                        + " device driver \"\" with capabilities: [[gpu]].\nRun 'docker run --help' for more information")));

        var smoke = outcome.stage("smoke").orElseThrow();
        assertThat(smoke.status()).isEqualTo(StageResult.Status.FAILED);
        assertThat(smoke.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("smoke-container-start");
            assertThat(finding.message()).contains("could not select device driver").doesNotContain("\n", "docker run --help");
            assertThat(finding.hint()).contains("smoke.gpus is 'device=0'", "GPU runtime");
        });
        assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.FAILED);
    }

    @Test
    void anImageFromARegistryThePlatformDoesNotAllowNeverRuns() {
        var step = new CiStep(repo, request(Map.of(), "", RegistryPolicy.of("ghcr.io", true)));

        var prepared = step.prepare(line -> { });

        assertThat(prepared.container()).isEmpty();
        var smoke = prepared.run().stages().get(prepared.run().stages().size() - 1);
        assertThat(smoke.stage()).isEqualTo(Stage.SMOKE);
        assertThat(smoke.findings().get(0).message()).contains("registry.example", "not an allowed registry", "ghcr.io");
        assertThat(step.outcome(prepared.run()).verdict()).isEqualTo(RunOutcome.Verdict.FAILED);
    }

    @Test
    void theRegistryPolicyConcernsOnlyARunThatUsesTheImage() {
        var step = new CiStep(repo, new CiRequest(Optional.empty(), Set.of(Stage.CONFIG, Stage.CONFIGS), Map.of(),
                Optional.empty(), RegistryPolicy.of("ghcr.io", true), ""));

        var prepared = step.prepare(line -> { });

        assertThat(prepared.run().stages()).extracting(StageResult::stage).containsExactly(Stage.CONFIG, Stage.CONFIGS);
        assertThat(step.outcome(prepared.run()).verdict()).isEqualTo(RunOutcome.Verdict.PASSED);
    }

    @Test
    void aConfigPathOutsideTheWorkspaceOrABadGpuSelectionIsBadInputWithAClearMessage() {
        var escaping = new CiStep(repo, new CiRequest(Optional.of("../../etc/passwd"), Set.of(), Map.of(), Optional.empty(),
                RegistryPolicy.any(), ""));
        assertThatThrownBy(() -> escaping.prepare(line -> { })).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("inside the workspace");

        var flag = new CiStep(repo, new CiRequest(Optional.empty(), Set.of(), Map.of(), Optional.of("all --privileged"),
                RegistryPolicy.any(), ""));
        RunOutcome outcome = null;
        try {
            flag.prepare(line -> { });
        } catch (InvalidInputException e) {
            outcome = OutcomeJson.read(RunOutcome.error(e).json());
        }

        assertThat(outcome).isNotNull();
        assertThat(outcome.verdict()).isEqualTo(RunOutcome.Verdict.ERROR);
        assertThat(outcome.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.exitCode()).isEqualTo(2);
            assertThat(problem.message()).contains("'all --privileged' is not a GPU selection");
        });
    }

    private static Map<String, StageResult.Status> statuses(RunOutcome outcome) {
        var statuses = new LinkedHashMap<String, StageResult.Status>();
        outcome.stages().forEach(stage -> statuses.put(stage.stage().label(), stage.status()));
        return statuses;
    }
}
