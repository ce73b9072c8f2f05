package io.mlexp.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlexp.check.InvalidInputException;
import io.mlexp.demo.DemoRepository;
import io.mlexp.demo.ExampleProject;
import io.mlexp.image.RegistryPolicy;
import io.mlexp.run.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins step's work, without Jenkins: the demo repository at its tag, the container run carried
 * out "by the CI" (here: the metrics a container would have written), then judged and published.
 */
class CiStepTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path repo;

    @BeforeEach
    void createRepository() {
        ExampleProject.copy(Path.of("..", "examples", "digits"), repo);
        DemoRepository.create(repo);
        DemoRepository.checkout(repo, DemoRepository.TAG);
    }

    private static CiRequest request(Map<String, String> environment, String history, RegistryPolicy policy) {
        return new CiRequest(Optional.empty(), Set.of(), environment, Optional.of("device=0"), policy, history);
    }

    private void containerWrites(double firstLoss, double lastLoss) throws Exception {
        Files.writeString(repo.resolve(".mlexp/smoke/metrics.jsonl"), """
                {"step": 1, "loss": %s, "accuracy": 0.2}
                {"step": 50, "loss": %s, "accuracy": 0.9, "eval_accuracy": 0.91}
                """.formatted(firstLoss, lastLoss));
    }

    @Test
    void plansTheContainerRunThenJudgesItAndKeepsTheTagInTheHistory() throws Exception {
        var step = new CiStep(repo, request(Map.of("TAG_NAME", "v1.0"), "", RegistryPolicy.any()));

        var prepared = step.prepare(line -> { });
        assertThat(prepared.container()).hasValueSatisfying(plan -> {
            assertThat(plan.options()).containsExactly("--gpus", "device=0", "--network", "none");
            assertThat(plan.image()).startsWith("registry.example/pytorch/pytorch:2.5.1");
        });
        assertThat(prepared.run().stages()).extracting(s -> s.stage()).doesNotContain(Stage.SMOKE, Stage.PUBLISH);

        containerWrites(2.3, 0.4);
        var finished = step.finish(new CiStep.ContainerRun(0, false, Duration.ofSeconds(41), Map.of("gpu", "NVIDIA H100"),
                "Docker Workflow"));
        // as Jenkins does it: the first half's stages crossed from one process to another as JSON
        var outcome = JSON.readTree(step.outcome(prepared.stagesJson(), finished, prepared.seededHistory()).json());

        assertThat(outcome.path("verdict").asText()).isEqualTo("passed");
        assertThat(stages(outcome)).containsOnlyKeys("config", "configs", "record", "smoke", "publish")
                .containsEntry("smoke", "passed").containsEntry("publish", "passed");
        assertThat(outcome.path("metrics").path("loss").asDouble()).isEqualTo(0.4);
        assertThat(outcome.path("html").asText()).contains("id=\"verdict\"", "NVIDIA H100", "application/json");
        assertThat(outcome.path("markdown").asText()).contains("Quality gates passed", "eval\\_accuracy");
        assertThat(outcome.path("newHistory")).hasSize(1);
        assertThat(outcome.path("newHistory").get(0).asText()).contains("\"tag\":\"v1.0\"", "\"loss\":0.4");
    }

    @Test
    void comparesWithTheHistoryTheCiKeptAndFailsAGateAgainstIt() throws Exception {
        var first = new CiStep(repo, request(Map.of("TAG_NAME", "v1.0"), "", RegistryPolicy.any()));
        var prepared = first.prepare(line -> { });
        containerWrites(2.3, 0.4);
        var kept = JSON.readTree(first.outcome(List.of(prepared.run(), first.finish(
                new CiStep.ContainerRun(0, false, Duration.ofSeconds(40), Map.of(), "Docker Workflow"))), prepared.seededHistory()).json())
                .path("newHistory").get(0).asText();

        var second = new CiStep(repo, request(Map.of("TAG_NAME", "v1.1"), kept + "\n", RegistryPolicy.any()));
        var again = second.prepare(line -> { });
        Files.writeString(repo.resolve(".mlexp/smoke/metrics.jsonl"), """
                {"step": 1, "loss": 2.3}
                {"step": 50, "loss": 0.5, "eval_accuracy": 0.70}
                """);
        var outcome = JSON.readTree(second.outcome(List.of(again.run(), second.finish(
                new CiStep.ContainerRun(0, false, Duration.ofSeconds(40), Map.of(), "Docker Workflow"))), again.seededHistory()).json());

        assertThat(stages(outcome)).containsEntry("publish", "failed");
        assertThat(outcome.path("verdict").asText()).isEqualTo("failed");
        assertThat(outcome.toString()).contains("eval_accuracy");
        assertThat(outcome.path("newHistory")).hasSize(1);
    }

    @Test
    void aContainerThatFailsFailsTheSmokeStage() throws Exception {
        var step = new CiStep(repo, request(Map.of("TAG_NAME", "v1.0"), "", RegistryPolicy.any()));
        var prepared = step.prepare(line -> { });

        var finished = step.finish(new CiStep.ContainerRun(-1, true, Duration.ofMinutes(10), Map.of(), "Docker Workflow"));

        assertThat(finished.stages().get(0).findings()).extracting(f -> f.ruleId()).contains("smoke-timeout");
        assertThat(JSON.readTree(step.outcome(List.of(prepared.run(), finished), 0).json()).path("verdict").asText())
                .isEqualTo("failed");
    }

    @Test
    void anImageFromARegistryThePlatformDoesNotAllowNeverRuns() {
        var step = new CiStep(repo, request(Map.of(), "", RegistryPolicy.of("ghcr.io", true)));

        var prepared = step.prepare(line -> { });

        assertThat(prepared.container()).isEmpty();
        var smoke = prepared.run().stages().get(prepared.run().stages().size() - 1);
        assertThat(smoke.stage()).isEqualTo(Stage.SMOKE);
        assertThat(smoke.findings().get(0).message()).contains("registry.example", "not an allowed registry", "ghcr.io");
        assertThat(prepared.run().failed()).isTrue();
    }

    @Test
    void theRegistryPolicyConcernsOnlyARunThatUsesTheImage() {
        var step = new CiStep(repo, new CiRequest(Optional.empty(), Set.of(Stage.CONFIG, Stage.CONFIGS), Map.of(),
                Optional.empty(), RegistryPolicy.of("ghcr.io", true), ""));

        var prepared = step.prepare(line -> { });

        assertThat(prepared.run().stages()).extracting(s -> s.stage()).containsExactly(Stage.CONFIG, Stage.CONFIGS);
        assertThat(prepared.run().failed()).isFalse();
    }

    @Test
    void aConfigPathOutsideTheWorkspaceOrABadGpuSelectionIsBadInputWithAClearMessage() {
        var escaping = new CiStep(repo, new CiRequest(Optional.of("../../etc/passwd"), Set.of(), Map.of(), Optional.empty(),
                RegistryPolicy.any(), ""));
        assertThatThrownBy(() -> escaping.prepare(line -> { })).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("inside the workspace");

        var flag = new CiStep(repo, new CiRequest(Optional.empty(), Set.of(), Map.of(), Optional.of("all --privileged"),
                RegistryPolicy.any(), ""));
        var error = JSON.valueToTree(Map.of());
        try {
            flag.prepare(line -> { });
        } catch (InvalidInputException e) {
            error = readUnchecked(CiOutcome.error(e).json());
        }
        assertThat(error.path("error").path("exitCode").asInt()).isEqualTo(2);
        assertThat(error.path("error").path("message").asText()).contains("'all --privileged' is not a GPU selection");
    }

    private static JsonNode readUnchecked(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> stages(JsonNode outcome) {
        var stages = new java.util.LinkedHashMap<String, String>();
        outcome.path("stages").forEach(s -> stages.put(s.path("stage").asText(), s.path("status").asText()));
        return stages;
    }
}
