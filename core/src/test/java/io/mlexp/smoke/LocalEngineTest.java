package io.mlexp.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.SmokeConfig;
import io.mlexp.demo.ExampleProject;
import io.mlexp.examples.DigitsExampleTrainingTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local engine: the command as a process, its output live, its metrics judged, and a timeout that leaves nothing running. */
class LocalEngineTest {
    @TempDir
    Path repo;

    @Test
    void shouldStreamTheOutputAndJudgeTheMetricsTheCommandLogged() {
        var smoke = smoke("""
                command: 'for i in 1 2 3; do echo "step $i"; echo "{\\"step\\": $i, \\"loss\\": $((4 - i))}" >> "$MLEXP_METRICS"; done'
                """);
        var lines = new ArrayList<String>();

        var result = LocalEngine.run(smoke, repo, repo.resolve("out"), "test", lines::add);

        assertThat(lines).containsExactly("step 1", "step 2", "step 3");
        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).hasSize(3);
        assertThat(Files.exists(repo.resolve("out/metrics.jsonl"))).isTrue();
    }

    @Test
    void shouldStopARunThatOverstaysItsTimeoutWithEverythingItStarted() throws Exception {
        var smoke = smoke("""
                command: 'sh -c "echo \\$\\$ > child.pid; exec sleep 60" & wait'
                timeout: 1s
                """);

        var result = LocalEngine.run(smoke, repo, repo.resolve("out"), "test", line -> { });

        assertThat(result.timedOut()).isTrue();
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("smoke-timeout");
        long child = Long.parseLong(Files.readString(repo.resolve("child.pid")).strip());
        assertThat(running(child)).isFalse();
    }

    /** Alive and not a zombie waiting for a parent that is gone (in containers nobody may reap it). */
    private static boolean running(long pid) throws Exception {
        var stat = Path.of("/proc", String.valueOf(pid), "stat");
        for (int i = 0; i < 20 && Files.exists(stat); i++) {
            var state = Files.readString(stat).replaceFirst("^.*\\) ", "").charAt(0);
            if (state == 'Z' || state == 'X') {
                return false;
            }
            Thread.sleep(50);
        }
        return Files.exists(stat);
    }

    @Test
    void shouldReportAFailingCommandWithoutJudgingItsMetrics() {
        var result = LocalEngine.run(smoke("command: 'echo broken >&2; exit 3'\n"), repo, repo.resolve("out"), "test", line -> { });

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.findings()).extracting(Finding::message)
                .containsExactly("'echo broken >&2; exit 3' exited with 3");
    }

    @Test
    void shouldRunTheExamplesRealTrainingAndSeeItLearn() throws Exception {
        var python = DigitsExampleTrainingTest.pythonWithTorch();
        assumeTrue(python.isPresent(), "no python3 with torch and yaml on this machine (Debian: apt-get install python3-torch python3-yaml)");
        ExampleProject.copy(Path.of("..", "examples", "digits"), repo);
        var smoke = smoke("command: '" + python.get() + " train.py --config configs/smoke.yaml --max-steps 30'\n");
        var lines = new ArrayList<String>();

        var result = LocalEngine.run(smoke, repo, repo.resolve(".mlexp/smoke"), "test", lines::add);

        assertThat(result.findings()).isEmpty();
        assertThat(lines).anyMatch(line -> line.startsWith("step 30/30 loss"));
        assertThat(result.fingerprint()).containsKeys("python", "torch");
        var loss = SmokeReport.series(result.metrics()).stream().filter(s -> s.name().equals("loss")).findFirst().orElseThrow();
        assertThat(loss.last()).isLessThan(loss.first() * 0.95);
    }

    private static SmokeConfig smoke(String settings) {
        var yaml = "version: 1\nsmoke:\n  engine: local\n" + settings.lines().map(line -> "  " + line + "\n")
                .reduce("", String::concat);
        return new ConfigLoader().parse(yaml, ".mlexp.yml").smoke();
    }
}
