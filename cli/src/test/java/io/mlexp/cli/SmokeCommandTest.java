package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeCommandTest {
    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectory(repo.resolve(".git"));
    }

    /** A run that logs a loss of 4, 3, 2, 1 against a bound of 0.5. */
    private static final String OVER_BOUND = """
            smoke:
              engine: local
              command: 'for i in 1 2 3 4; do echo "{\\"step\\": $i, \\"loss\\": $((5 - i))}" >> "$MLEXP_METRICS"; done'
              expect:
                bounds:
                  loss: { max: 0.5 }
            """;

    @Test
    void shouldRunLocallyPrintATableAndWriteSmokeJson() throws Exception {
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n" + OVER_BOUND);

        var run = CommandRun.in(repo, "smoke");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("smoke: for i in", "engine: local (as chosen)", "loss                        4",
                "metrics.jsonl:4: error: loss is 1 at step 4, above the maximum 0.5 [smoke-bounds]",
                "smoke (local) in ");
        var report = Files.readString(repo.resolve(".mlexp/smoke/smoke.json"));
        assertThat(report).contains("\"verdict\" : \"failed\"", "\"engine\" : \"local\"", "\"rule\" : \"smoke-bounds\"");
        assertThat(repo.resolve(".mlexp/smoke/metrics.jsonl")).exists();
    }

    @Test
    void smokeJsonSaysWhatTheTeamsRulesSayNotTheRulesDefaults() throws Exception {
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\nrules:\n  smoke-bounds: warning\n" + OVER_BOUND);

        var run = CommandRun.in(repo, "smoke");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("metrics.jsonl:4: warning: loss is 1 at step 4, above the maximum 0.5 [smoke-bounds]");
        var report = Files.readString(repo.resolve(".mlexp/smoke/smoke.json"));
        assertThat(report).contains("\"verdict\" : \"passed\"", "\"severity\" : \"warning\"").doesNotContain("\"severity\" : \"error\"");
    }

    @Test
    void shouldSayWhatIsMissingForTheOtherEngines() throws Exception {
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");

        var container = CommandRun.in(repo, "smoke", "--engine", "container");
        var embedded = CommandRun.in(repo, "smoke", "--engine", "embedded");

        assertThat(container.exitCode()).isEqualTo(2);
        assertThat(container.err()).contains("smoke.engine container needs smoke.image");
        assertThat(embedded.exitCode()).isEqualTo(1);
        assertThat(embedded.out()).contains(".mlexp.yml: error: smoke.embedded.model 'model.pt' is not a file inside the repository");
    }

    @Test
    void shouldTrainTheExampleModelOnTheEmbeddedEngine() throws Exception {
        copyExample();

        var run = CommandRun.in(repo, "smoke", "--engine", "embedded");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("smoke: model.pt", "│ step 50/50", "engine: embedded (as chosen)",
                "loss                       50", "libtorch=2.7.1", "smoke (embedded) in ");
        assertThat(Files.readString(repo.resolve(".mlexp/smoke/smoke.json"))).contains("\"verdict\" : \"passed\"",
                "\"engine\" : \"embedded\"", "\"djl\" : \"0.35.1\"");
    }

    @Test
    void shouldCheckATorchScriptArtifact() throws Exception {
        copyExample();

        var run = CommandRun.in(repo, "smoke", "--check-artifact", "model.pt", "--input-shape", "1,784", "--runs", "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern(
                "model\\.pt: output \\[1, 10\\] for input \\[1, 784\\], finite; forward pass p50 [0-9.]+ ms, p95 [0-9.]+ ms over 20 runs");
    }

    @Test
    void shouldRefuseAnArtifactThatIsNotAModelOrABadShape() throws Exception {
        copyExample();
        Files.writeString(repo.resolve("notes.pt"), "not a model");

        var notModel = CommandRun.in(repo, "smoke", "--check-artifact", "notes.pt");
        var missing = CommandRun.in(repo, "smoke", "--check-artifact", "gone.pt");
        var wrongShape = CommandRun.in(repo, "smoke", "--check-artifact", "model.pt", "--input-shape", "1,3");
        var badShape = CommandRun.in(repo, "smoke", "--check-artifact", "model.pt", "--input-shape", "784");

        assertThat(notModel.exitCode()).isEqualTo(2);
        assertThat(notModel.err()).contains("notes.pt is not a TorchScript model DJL can load");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("gone.pt: error: no such file");
        assertThat(wrongShape.exitCode()).isEqualTo(2);
        assertThat(wrongShape.err()).contains("model.pt cannot take an input of shape [1, 3]");
        assertThat(badShape.exitCode()).isEqualTo(2);
        assertThat(badShape.err()).contains("--input-shape needs a batch dimension");
    }

    private void copyExample() throws Exception {
        Files.copy(Path.of("../examples/digits/model.pt"), repo.resolve("model.pt"));
        Files.copy(Path.of("../examples/digits/.mlexp.yml"), repo.resolve(".mlexp.yml"));
        Files.createDirectories(repo.resolve("configs"));
        Files.copy(Path.of("../examples/digits/configs/smoke.yaml"), repo.resolve("configs/smoke.yaml")); // smoke.embedded.config
    }
}
