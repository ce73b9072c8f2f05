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

    @Test
    void shouldRunLocallyPrintATableAndWriteSmokeJson() throws Exception {
        Files.writeString(repo.resolve(".mlexp.yml"), """
                version: 1
                smoke:
                  engine: local
                  command: 'for i in 1 2 3 4; do echo "{\\"step\\": $i, \\"loss\\": $((5 - i))}" >> "$MLEXP_METRICS"; done'
                  expect:
                    bounds:
                      loss: { max: 0.5 }
                """);

        var run = CommandRun.in(repo, "smoke");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("smoke: for i in", "engine: local (engine: local)", "loss                        4",
                "metrics.jsonl:4: error: loss is 1 at step 4, above the maximum 0.5 [smoke-bounds]",
                "smoke (local) in ");
        var report = Files.readString(repo.resolve(".mlexp/smoke/smoke.json"));
        assertThat(report).contains("\"verdict\" : \"failed\"", "\"engine\" : \"local\"", "\"rule\" : \"smoke-bounds\"");
        assertThat(repo.resolve(".mlexp/smoke/metrics.jsonl")).exists();
    }

    @Test
    void shouldSayWhatIsMissingForTheOtherEngines() throws Exception {
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");

        var container = CommandRun.in(repo, "smoke", "--engine", "container");
        var embedded = CommandRun.in(repo, "smoke", "--engine", "embedded");

        assertThat(container.exitCode()).isEqualTo(2);
        assertThat(container.err()).contains("smoke.engine container needs smoke.image");
        assertThat(embedded.exitCode()).isEqualTo(3);
        assertThat(embedded.err()).startsWith("mlexp: the embedded engine is not available yet");
    }
}
