package io.mlexp.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.SmokeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container engine against a real Docker engine (a private dockerd, {@link DockerDaemon}) and an
 * image imported from busybox-static, with {@code --network none}. Skipped, with the reason printed,
 * where no engine can start.
 */
class ContainerEngineDockerTest {
    private static DockerDaemon daemon;

    @TempDir
    Path dir;

    private Path repo;

    @BeforeAll
    static void startDaemon() {
        var started = DockerDaemon.start();
        if (started.daemon() == null) {
            System.err.println("ContainerEngineDockerTest skipped: " + started.whyNot());
        }
        Assumptions.assumeTrue(started.daemon() != null, started.whyNot());
        daemon = started.daemon();
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("data.txt"), "from the workspace\n");
    }

    @Test
    void streamsOutputLiveAndWritesMetricsThroughTheMount() throws Exception {
        var smoke = smoke("command: \"cat data.txt; for i in 1 2 3; do echo step $i; printf '{\\\"step\\\": %d, \\\"loss\\\": %d}\\\\n' $i $((4 - i))"
                + " >> $MLEXP_METRICS; sleep 0.5; done\"");
        var arrivals = new ArrayList<Long>();
        var lines = new ArrayList<String>();
        long started = System.nanoTime();

        var result = engine().run(smoke, repo, dir.resolve("out"), "test", line -> {
            lines.add(line);
            arrivals.add(System.nanoTime() - started);
        });

        assertThat(result.findings()).isEmpty();
        assertThat(lines).containsExactly("from the workspace", "step 1", "step 2", "step 3");
        // live: the first step was seen while the last was still a second away
        assertThat(arrivals.get(3) - arrivals.get(1)).isGreaterThan(700_000_000L);
        assertThat(result.metrics()).hasSize(3);
        assertThat(Files.readAllLines(dir.resolve("out/metrics.jsonl"))).hasSize(3);
        assertThat(result.fingerprint().get("image-id")).startsWith("sha256:");
        assertThat(result.fingerprint()).containsEntry("digest", "[]") // imported, never pushed: no repository digest
                .containsEntry("python", "not in the image");
        assertThat(daemon.containers()).isEmpty();
    }

    @Test
    void aReadOnlyDataMountCanBeReadAndNotWrittenAndSharedMemoryIsSet() throws Exception {
        var data = Files.createDirectories(dir.resolve("team-data"));
        Files.writeString(data.resolve("labels.txt"), "cat dog\n");
        var smoke = smoke("mounts: [\"" + data + ":/workspace/data\"]\n  shm-size: 64MiB\n"
                + "  command: \"cat /workspace/data/labels.txt; touch /workspace/data/new 2>/dev/null && echo wrote || echo read-only;"
                + " df -k /dev/shm | tail -1; printf '{\\\"step\\\": 1, \\\"loss\\\": 2}\\\\n{\\\"step\\\": 2, \\\"loss\\\": 1}\\\\n'"
                + " >> $MLEXP_METRICS\"");
        var lines = new ArrayList<String>();

        var result = engine().run(smoke, repo, dir.resolve("out"), "test", lines::add);

        assertThat(result.findings()).isEmpty();
        assertThat(lines).contains("cat dog", "read-only");
        assertThat(lines).anyMatch(line -> line.contains("65536"));
        assertThat(data.resolve("new")).doesNotExist();
    }

    @Test
    void aTimeoutLeavesNoContainerBehind() throws Exception {
        var smoke = smoke("timeout: 2s\n  command: \"echo started; sleep 60\"");

        var result = engine().run(smoke, repo, dir.resolve("out"), "test", line -> { });

        assertThat(result.timedOut()).isTrue();
        assertThat(result.elapsed().toSeconds()).isLessThan(30);
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("smoke-timeout");
        assertThat(daemon.containers()).isEmpty();
    }

    @Test
    void aFailingCommandIsReportedWithItsExitCode() throws Exception {
        var result = engine().run(smoke("command: \"echo oops; exit 3\""), repo,
                dir.resolve("out"), "test", line -> { });

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.findings()).extracting(Finding::message).containsExactly("'echo oops; exit 3' exited with 3");
        assertThat(daemon.containers()).isEmpty();
    }

    @Test
    void theContainerHasNoNetwork() throws Exception {
        var lines = new ArrayList<String>();

        engine().run(smoke("command: \"ls /sys/class/net\""), repo, dir.resolve("out"),
                "test", lines::add);

        assertThat(lines).containsExactly("lo");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalToMlexpDuringTheRunLeavesNoContainerBehind(String signal) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), SmokeProcess.class.getName(),
                daemon.client().toString(), repo.toString(), dir.toString()));
        if (signalIgnored(signal)) { // a background job's children ignore SIGINT; the JVM would keep ignoring it
            var python = Path.of("/usr/bin/python3");
            Assumptions.assumeTrue(Files.isExecutable(python), "SIG" + signal + " is ignored here and no python3 can reset it");
            command.addAll(0, List.of(python.toString(), "-c", "import os,signal,sys; signal.signal(signal.SIG" + signal
                    + ", signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"));
        }
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            var output = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
            for (var line = output.readLine(); !"started".equals(line); line = output.readLine()) {
                assertThat(line).as("the smoke process ended before its container started").isNotNull();
            }
            assertThat(daemon.containers()).as("the run's container (and perhaps the image probe's)").isNotEmpty();

            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long exited = System.nanoTime();
            var left = daemon.containers();
            System.out.printf("container smoke: SIG%s to exit %.2f s, containers left: %d%n", signal, (exited - signalled) / 1e9,
                    left.size());

            assertThat(left).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean signalIgnored(String signal) throws Exception {
        int number = "INT".equals(signal) ? 2 : 15;
        var ignored = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseLong(line.substring(7).strip(), 16)).findFirst().orElse(0L);
        return (ignored & (1L << (number - 1))) != 0;
    }

    /** A process that runs one long container smoke run, for the signal tests. */
    public static final class SmokeProcess {
        public static void main(String[] args) {
            var smoke = smoke("command: \"echo started; sleep 120\"");
            new ContainerEngine(args[0], new ProbeCache(Path.of(args[2], "cache"))).run(smoke, Path.of(args[1]), Path.of(args[2], "out"),
                    "test", line -> {
                        System.out.println(line);
                        System.out.flush();
                    });
        }
    }

    private ContainerEngine engine() {
        return new ContainerEngine(daemon.client().toString(), new ProbeCache(dir.resolve("cache")));
    }

    private static SmokeConfig smoke(String settings) {
        return new ConfigLoader().parse("version: 1\nsmoke:\n  engine: container\n  image: \"" + DockerDaemon.IMAGE
                + "\"\n  pin: tag\n  gpus: none\n  expect: { loss-decrease: 0.1 }\n  " + settings + "\n", ".mlexp.yml").smoke();
    }
}
