package io.mlexp.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.SmokeConfig;
import io.mlexp.demo.ExampleProject;
import io.mlexp.examples.DigitsExampleTrainingTest;
import io.mlexp.metrics.EventFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    @Test
    void shouldPointFindingsAboutASettingAtItsLineInTheConfigActuallyRead() {
        var yaml = """
                version: 1
                smoke:
                  engine: local
                  command: 'echo "{\\"step\\": 1, \\"loss\\": 1}" >> "$MLEXP_METRICS"; exit 3'
                  expect:
                    bounds:
                      accuracy:
                        min: 0.5
                """;
        var failing = new ConfigLoader().parse(yaml, "ci/mlexp-team.yml").smoke();

        var failed = LocalEngine.run(failing, repo, repo.resolve("out"), "test", line -> { });
        var passing = failing.toBuilder().command("echo '{\"step\": 1, \"loss\": 1}' >> \"$MLEXP_METRICS\"").build();
        var unmeasured = LocalEngine.run(passing, repo, repo.resolve("out"), "test", line -> { });

        assertThat(failed.findings()).extracting(finding -> finding.ruleId() + " " + finding.location())
                .containsExactly("smoke-command-failed ci/mlexp-team.yml:4:12");
        assertThat(unmeasured.findings()).extracting(finding -> finding.ruleId() + " " + finding.location())
                .contains("smoke-metric-missing ci/mlexp-team.yml:8:14");
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

    @Test
    void anUnmodifiedScriptThatOnlyPrintsItsLossIsJudgedOnItWithAnOutputPattern() throws Exception {
        var python = wordLanguageModel();
        var without = smoke("command: 'cd word_language_model && PYTHONHASHSEED=0 " + python.get() + " main.py'\n");
        var with = smoke("command: 'cd word_language_model && PYTHONHASHSEED=0 " + python.get() + " main.py'\n"
                + "stdout-metrics:\n  loss: '\\|\\s*loss\\s+(?P<value>[0-9.eE+-]+)'\n  ppl: '\\|\\s*ppl\\s+(?P<value>[0-9.eE+-]+)'\n");

        var unread = LocalEngine.run(without, repo, repo.resolve(".mlexp/smoke"), "test", line -> { });
        var read = LocalEngine.run(with, repo, repo.resolve(".mlexp/smoke"), "test", line -> { });

        assertThat(unread.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("smoke-no-metrics");
            assertThat(finding.message()).contains("$MLEXP_METRICS");
            assertThat(finding.hint()).contains("smoke.stdout-metrics", "lightning_logs/version_*/metrics.csv", "MLEXP_METRICS");
        });
        assertThat(read.findings()).isEmpty();
        assertThat(read.metricsSource()).isEqualTo("the output (smoke.stdout-metrics)");
        var loss = SmokeReport.series(read.metrics()).stream().filter(s -> s.name().equals("loss")).findFirst().orElseThrow();
        assertThat(loss.points()).isEqualTo(8);
        assertThat(loss.last()).isLessThan(loss.first());
        assertThat(read.metrics().get(0).values()).containsKeys("loss", "ppl");
    }

    @Test
    void theFingerprintComesFromTheProcessThatTrainedWhateverShapeTheCommandHas() throws Exception {
        var python = wordLanguageModel();
        Files.writeString(repo.resolve("run.sh"), "#!/bin/sh\ncd word_language_model && exec " + python.get() + " main.py\n");
        var alone = new ProcessBuilder(python.get(), "main.py").directory(repo.resolve("word_language_model").toFile())
                .redirectErrorStream(true).start();
        var lossesAlone = losses(new String(alone.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList());

        // torchrun's shape: a launcher interpreter that imports no torch starts the training in a child interpreter
        // (Debian's torchrun itself, torch 1.13 on Python 3.11, fails before starting a worker: Std.from_str)
        Files.writeString(repo.resolve("launch.py"), "import subprocess, sys\n"
                + "sys.exit(subprocess.run([sys.executable, 'main.py'], cwd='word_language_model').returncode)\n");
        var commands = List.of("cd word_language_model && PYTHONHASHSEED=0 " + python.get() + " main.py", "bash run.sh",
                python.get() + " launch.py");
        for (var command : commands) {
            var lines = new ArrayList<String>();
            var result = LocalEngine.run(smoke("command: '" + command + "'\n"), repo, repo.resolve(".mlexp/smoke"), "test", lines::add);

            assertThat(result.fingerprint()).as(command).containsKeys("python", "torch", "cuda", "cudnn");
            // torchrun starts its workers with the interpreter's resolved name (/usr/bin/python3.11)
            assertThat(result.fingerprint().get("fingerprint-source")).as(command).startsWith("the training process (" + python.get());
            assertThat(result.fingerprint().get("torch")).startsWith("1.");
            assertThat(losses(lines)).as("what the script computes is the same with the fingerprint as without").isEqualTo(lossesAlone);
        }
        var noPython = LocalEngine.run(smoke("command: 'echo no python here'\n"), repo, repo.resolve(".mlexp/smoke"), "test", l -> { });
        assertThat(noPython.fingerprint()).containsEntry("fingerprint-source", "a probe of the command's first word");
    }

    /** The pytorch/examples-shaped script at word_language_model/main.py; the python that runs it, or the test is skipped. */
    private Optional<String> wordLanguageModel() throws Exception {
        var python = DigitsExampleTrainingTest.pythonWithTorch();
        assumeTrue(python.isPresent(), "no python3 with torch on this machine (Debian: apt-get install python3-torch)");
        Files.createDirectories(repo.resolve("word_language_model"));
        Files.copy(Path.of("src/test/resources/scripts/word_lm_prints.py"), repo.resolve("word_language_model/main.py"));
        return python;
    }

    private static List<String> losses(List<String> lines) {
        return lines.stream().filter(line -> line.contains("| loss")).map(line -> line.replaceAll("ms/batch\\s+[0-9.]+", "")).toList();
    }

    @Test
    void aLightningCsvTheRunWritesIsReadAndOneFromAnEarlierRunIsNot() throws Exception {
        var python = DigitsExampleTrainingTest.pythonWithTorch();
        assumeTrue(python.isPresent(), "no python3 with torch on this machine (Debian: apt-get install python3-torch)");
        Files.copy(Path.of("src/test/resources/scripts/lightning_csv.py"), repo.resolve("train.py"));
        var stale = Files.createDirectories(repo.resolve("lightning_logs/version_0"));
        Files.writeString(stale.resolve("metrics.csv"), "epoch,step,train_loss\n0,0,0.1\n0,1,0.05\n");
        Files.setLastModifiedTime(stale.resolve("metrics.csv"), java.nio.file.attribute.FileTime.fromMillis(0));
        var smoke = smoke("command: '" + python.get() + " train.py'\nmetrics: ['lightning_logs/version_*/metrics.csv']\n"
                + "expect:\n  loss-metric: train_loss\n  loss-decrease: 0.3\n");

        var result = LocalEngine.run(smoke, repo, repo.resolve(".mlexp/smoke"), "test", line -> { });

        assertThat(result.findings()).isEmpty();
        assertThat(result.metricsSource()).isEqualTo("lightning_logs/version_1/metrics.csv (CSV)");
        assertThat(SmokeReport.series(result.metrics())).extracting(SmokeReport.Series::name).containsExactly("train_loss", "val_loss");
    }

    @Test
    void theEventFilesOfATensorBoardRunAreReadFromTheGlobThatNamesThem() throws Exception {
        var python = DigitsExampleTrainingTest.pythonWithTorch();
        assumeTrue(python.isPresent() && EventFileWriter.python().isPresent(),
                "no python3 with torch and protobuf on this machine (Debian: apt-get install python3-torch python3-protobuf)");
        Files.copy(Path.of("src/test/resources/scripts/tensorboard_loop.py"), repo.resolve("train.py"));
        var descriptors = EventFileWriter.writeDescriptors(repo.resolve("descriptors.pb"));
        var smoke = smoke("command: 'TFEVENTS_DIR=" + EventFileWriter.SCRIPT.getParent() + " TFEVENTS_DESCRIPTORS=" + descriptors
                + " " + python.get() + " train.py exp1'\nmetrics: ['runs/**/events.out.tfevents.*']\n"
                + "expect:\n  loss-metric: Loss/train\n  loss-decrease: 0.3\n");

        var result = LocalEngine.run(smoke, repo, repo.resolve(".mlexp/smoke"), "test", line -> { });

        assertThat(result.findings()).isEmpty();
        assertThat(result.metricsSource()).matches("runs/exp1/events\\.out\\.tfevents\\.[0-9]+\\..+ \\(TensorBoard(, [0-9.]+ s of training)?\\)");
        assertThat(SmokeReport.series(result.metrics())).extracting(SmokeReport.Series::name, SmokeReport.Series::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Loss/train", 40), org.assertj.core.groups.Tuple.tuple("Loss/val", 4));
    }

    @Test
    void whenNoMetricsAreFoundTheFindingNamesThePlacesLookedInAndTheSettingForEachWayOfLogging() throws Exception {
        var smoke = smoke("command: 'true'\nmetrics: ['runs/**/events.out.tfevents.*']\n");

        var result = LocalEngine.run(smoke, repo, repo.resolve(".mlexp/smoke"), "test", line -> { });

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("smoke-no-metrics");
            assertThat(finding.message()).contains("$MLEXP_METRICS").contains("smoke.metrics 'runs/**/events.out.tfevents.*'");
            assertThat(finding.hint()).contains("$MLEXP_METRICS", "lightning_logs/version_*/metrics.csv", "events.out.tfevents", "smoke.stdout-metrics");
        });
    }

    private static SmokeConfig smoke(String settings) {
        var yaml = "version: 1\nsmoke:\n  engine: local\n" + settings.lines().map(line -> "  " + line + "\n")
                .reduce("", String::concat);
        return new ConfigLoader().parse(yaml, ".mlexp.yml").smoke();
    }
}
