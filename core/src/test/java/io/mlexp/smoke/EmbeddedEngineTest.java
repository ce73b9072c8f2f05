package io.mlexp.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.SmokeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded engine does around its trainer: metrics, progress, verdicts, timeouts, refusals. */
class EmbeddedEngineTest {
    @TempDir
    Path repo;

    private final EmbeddedEngine engine = new EmbeddedEngine(new ScriptedTrainer());

    @Test
    void writesEachStepAsAJsonLineAndJudgesThem() throws Exception {
        Files.writeString(repo.resolve("model.pt"), "learns");
        var progress = new ArrayList<String>();

        var result = engine.run(smoke("steps: 12"), repo, repo.resolve("out"), "test", progress::add);

        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).hasSize(13);
        var lines = Files.readAllLines(repo.resolve("out/metrics.jsonl"));
        assertThat(lines).hasSize(13);
        assertThat(lines.get(12)).isEqualTo("{\"step\": 12, \"eval_loss\": 4.8828125E-4, \"eval_accuracy\": 0.75}");
        assertThat(lines.get(1)).isEqualTo("{\"step\": 2, \"loss\": 1.0, \"accuracy\": 0.5, \"samples_per_sec\": 64000.0}");
        assertThat(progress.get(0)).contains("model.pt", "12 steps", "[64, 784]", "10 classes");
        assertThat(progress).contains("step 1/12  loss 2.0000  accuracy 0.500", "step 10/12  loss 0.0039  accuracy 0.500",
                "step 12/12  loss 0.0010  accuracy 0.500", "held-out batch: loss 0.0005  accuracy 0.750");
        assertThat(result.fingerprint()).containsEntry("engine", "embedded").containsEntry("trainer", "scripted");
    }

    @Test
    void takesTheLearningRateAndSeedOfTheTrainingConfigItNames() throws Exception {
        Files.writeString(repo.resolve("model.pt"), "learns");
        Files.createDirectories(repo.resolve("configs"));
        Files.writeString(repo.resolve("configs/base.yaml"), "seed: 7\noptim:\n  lr: 0.001\n");
        Files.writeString(repo.resolve("configs/smoke.yaml"), "_base_: base.yaml\noptim:\n  lr: 0.003\n");
        var progress = new ArrayList<String>();

        var result = engine.run(smoke("steps: 4, config: configs/smoke.yaml"), repo, repo.resolve("out"), "test", progress::add);
        var missing = engine.run(smoke("steps: 4, config: configs/none.yaml"), repo, repo.resolve("out2"), "test", line -> { });

        assertThat(result.findings()).isEmpty();
        assertThat(progress.get(0)).contains("with Adam (lr 0.003 and seed 7 from configs/smoke.yaml)");
        assertThat(missing.failed()).isTrue();
        assertThat(missing.findings()).extracting(Finding::message)
                .containsExactly("smoke.embedded.config: the config 'configs/none.yaml' does not exist in the repository");
    }

    @Test
    void failsWhenTheLossDoesNotFall() throws Exception {
        Files.writeString(repo.resolve("model.pt"), "flat");

        var result = engine.run(smoke("steps: 5"), repo, repo.resolve("out"), "test", line -> { });

        assertThat(result.failed()).isTrue();
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("smoke-loss-decrease");
    }

    @Test
    void stopsAtTheTimeout() throws Exception {
        Files.writeString(repo.resolve("model.pt"), "slow");
        var smoke = new ConfigLoader().parse("version: 1\nsmoke:\n  timeout: 1s\n  embedded: { steps: 100 }\n", ".mlexp.yml").smoke();

        var result = engine.run(smoke, repo, repo.resolve("out"), "test", line -> { });

        assertThat(result.timedOut()).isTrue();
        assertThat(result.metrics().size()).isBetween(4, 8);
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("smoke-timeout");
    }

    @Test
    void reportsAModelTheTrainerRefuses() throws Exception {
        Files.writeString(repo.resolve("model.pt"), "refuse");

        var result = engine.run(smoke("steps: 5"), repo, repo.resolve("out"), "test", line -> { });

        assertThat(result.findings()).extracting(Finding::format)
                .containsExactly("model.pt: error: model.pt is not a TorchScript model DJL can load [smoke-embedded-model]");
    }

    @Test
    void refusesAModelOutsideTheRepositoryOrMissing() throws Exception {
        var outside = Files.writeString(repo.getParent().resolve("outside.pt"), "learns");
        Files.createSymbolicLink(repo.resolve("link.pt"), outside);

        for (var model : List.of("../outside.pt", "/etc/passwd")) {
            assertThatThrownBy(() -> smoke("model: \"" + model + "\"")).as(model)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("smoke.embedded.model: '" + model + "' leaves the repository");
        }
        for (var model : List.of("link.pt", "missing.pt")) {
            var result = engine.run(smoke("model: \"" + model + "\""), repo, repo.resolve("out"), "test", line -> { });

            assertThat(result.findings()).as(model).extracting(Finding::message)
                    .containsExactly("smoke.embedded.model '" + model + "' is not a file inside the repository");
        }
    }

    @Test
    void checksAnArtifactAndFailsOnNonFiniteOutput() throws Exception {
        var good = Files.writeString(repo.resolve("good.pt"), "fine");
        var bad = Files.writeString(repo.resolve("bad.pt"), "nan");

        assertThat(engine.checkArtifact(good, List.of(4, 784), 10).findings()).isEmpty();
        assertThat(engine.checkArtifact(bad, List.of(4, 784), 10).findings()).extracting(Finding::ruleId)
                .containsExactly("smoke-artifact-not-finite");
        assertThatThrownBy(() -> engine.checkArtifact(repo.resolve("none.pt"), List.of(4, 784), 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file");
    }

    @Test
    void autoFallsBackToTheEmbeddedEngineWhenNeitherDockerNorTheInterpreterIsHere() throws Exception {
        Files.writeString(repo.resolve("model.pt"), "learns");
        var smoke = new ConfigLoader().parse("version: 1\nsmoke:\n  command: \"no-such-python3.99 train.py\"\n"
                + "  embedded: { steps: 3 }\n", ".mlexp.yml").smoke();

        var result = Smoke.run(smoke, SmokeConfig.Engine.AUTO, repo, repo.resolve("out"), line -> { });

        assertThat(result.engine()).isEqualTo("embedded");
        assertThat(result.reason()).isEqualTo("auto: no smoke.image and no-such-python3.99 is not here, so the embedded engine");
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void autoTakesTheLocalEngineWhenTheInterpreterIsHere() {
        var smoke = new ConfigLoader().parse("version: 1\nsmoke:\n  command: \"A=1 sh -c 'exit 0'\"\n  expect: { loss-decrease: 0 }\n",
                ".mlexp.yml").smoke();

        var result = Smoke.run(smoke, SmokeConfig.Engine.AUTO, repo, repo.resolve("out"), line -> { });

        assertThat(result.engine()).isEqualTo("local");
        assertThat(result.reason()).isEqualTo("auto: no smoke.image, and sh is here, so the local engine");
    }

    private static SmokeConfig smoke(String embedded) {
        return new ConfigLoader().parse("version: 1\nsmoke:\n  embedded: { " + embedded + " }\n", ".mlexp.yml").smoke();
    }
}
