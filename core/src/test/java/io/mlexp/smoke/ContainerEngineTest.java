package io.mlexp.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.SmokeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container engine against a fake docker client that records its arguments (no engine here has
 * a GPU runtime): the pinned image, the GPU flag, the mounts and the environment.
 */
class ContainerEngineTest {
    private static final String IMAGE = "registry.example/pytorch/pytorch:2.5.1-cuda12.4@sha256:"
            + "6f5b0d3c1e2a4b7c9d8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c";
    private static final String FAKE_DOCKER = """
            #!/bin/sh
            mkdir -p "$(dirname "$0")/calls"
            log="$(dirname "$0")/calls/$(date +%s%N)-$$"
            for argument in "$@"; do printf '%s\\n' "$argument" >> "$log"; done
            case "$1" in
              image) echo 'sha256:1234abcd ["registry.example/pytorch/pytorch@sha256:6f5b"]'; exit 0 ;;
              rm) exit 0 ;;
            esac
            out=""; name=""; previous=""
            for argument in "$@"; do
              case "$argument" in *:/mlexp-out) out="${argument%:/mlexp-out}" ;; esac
              [ "$previous" = "--name" ] && name="$argument"
              previous="$argument"
            done
            case "$name" in mlexp-probe-*)
              echo '{"python": "3.11.9", "torch": "2.5.1", "cuda": "12.4", "cudnn": "90100"}'
              echo 'NVIDIA H100 80GB HBM3, 550.54.15'
              exit 0 ;;
            esac
            case "$*" in *sleep*) sleep 30 ;; esac
            echo "fake training step 1"
            printf '{"step": 1, "loss": 2.0}\\n{"step": 2, "loss": 1.0}\\n' > "$out/metrics.jsonl"
            """;

    @TempDir
    Path dir;

    private Path docker;
    private Path repo;

    @BeforeEach
    void fakeClient() throws Exception {
        var bin = Files.createDirectories(dir.resolve("bin"));
        docker = bin.resolve("docker");
        Files.writeString(docker, FAKE_DOCKER);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        repo = Files.createDirectories(dir.resolve("repo"));
    }

    @Test
    void shouldPassTheDataMountsSharedMemoryAndCapsATeamRunsWithAndRecordThem() throws Exception {
        var data = Files.createDirectories(dir.resolve("data"));
        var scratch = Files.createDirectories(dir.resolve("scratch"));
        var smoke = smoke("gpus: none\n  mounts: [\"" + data + ":/workspace/data\", \"" + scratch + ":/scratch:rw\"]\n"
                + "  shm-size: 8GiB\n  memory: 32GB\n  cpus: 7.5\n  command: \"python3 train.py\"\n");

        var result = engine().run(smoke, repo, repo.resolve(".mlexp/smoke"), "test", line -> { });

        var run = String.join(" ", trainingRun());
        assertThat(run).contains("--shm-size 8589934592b", "--memory 32000000000b", "--cpus 7.5",
                "-v " + data + ":/workspace/data:ro", "-v " + scratch + ":/scratch ").doesNotContain("--gpus");
        assertThat(result.fingerprint()).containsEntry("shm-size", "8GiB").containsEntry("memory", "32GB").containsEntry("cpus", "7.5")
                .containsEntry("mounts", data + ":/workspace/data:ro, " + scratch + ":/scratch");
    }

    @Test
    void aMountOfAMissingPathIsBadInputBeforeAnyContainerStarts() {
        var smoke = smoke("gpus: none\n  mounts: [\"/no/such/dir:/workspace/data\"]\n");

        assertThatThrownBy(() -> engine().run(smoke, repo, repo.resolve(".mlexp/smoke"), "test", line -> { }))
                .isInstanceOf(io.mlexp.check.InvalidInputException.class).hasMessageContaining("'/no/such/dir' does not exist");
    }

    @Test
    void shouldPassThePinnedImageTheGpusTheMountsAndTheEnvironment() throws Exception {
        var smoke = smoke("gpus: all\n  command: \"python3 train.py --max-steps 50; echo done\"\n");
        var lines = new ArrayList<String>();

        var result = engine().run(smoke, repo, repo.resolve(".mlexp/smoke"), "test", lines::add);

        var run = trainingRun();
        assertThat(run.subList(0, 4)).containsExactly("run", "--rm", "--name", run.get(3));
        assertThat(run.get(3)).startsWith("mlexp-");
        assertThat(String.join(" ", run)).contains("--gpus all", "--network none",
                "-v " + repo.toAbsolutePath() + ":/workspace",
                "-v " + repo.resolve(".mlexp/smoke").toAbsolutePath() + ":/mlexp-out", "-w /workspace",
                "-e MLEXP_METRICS=/mlexp-out/metrics.jsonl");
        assertThat(run.subList(run.size() - 4, run.size()))
                .containsExactly(IMAGE, "sh", "-c", "export PYTHONPATH=\"/mlexp-out/.python${PYTHONPATH:+:$PYTHONPATH}\""
                        + " MLEXP_FINGERPRINT_DIR=\"/mlexp-out/fingerprints\"; python3 train.py --max-steps 50; echo done");
        assertThat(lines).containsExactly("fake training step 1");
        assertThat(result.findings()).isEmpty();
        assertThat(result.fingerprint()).containsEntry("digest", "[\"registry.example/pytorch/pytorch@sha256:6f5b\"]")
                .containsEntry("image-id", "sha256:1234abcd")
                .containsEntry("torch", "2.5.1").containsEntry("gpu", "NVIDIA H100 80GB HBM3").containsEntry("driver", "550.54.15");
    }

    @Test
    void shouldLeaveTheGpuFlagOutWhenNoGpuIsWanted() throws Exception {
        engine().run(smoke("gpus: none\n"), repo, repo.resolve("out"), "test", line -> { });

        assertThat(trainingRun()).doesNotContain("--gpus");
    }

    @Test
    void shouldRemoveTheContainerByNameWhenTheRunTimesOut() throws Exception {
        var smoke = smoke("timeout: 1s\n  command: \"sleep 60\"\n");

        var result = engine().run(smoke, repo, repo.resolve("out"), "test", line -> { });

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("smoke-timeout");
        var name = trainingRun().get(3);
        assertThat(calls()).contains(List.of("rm", "-f", name));
    }

    @Test
    void shouldNeverHandARefusedReferenceToTheClient() throws Exception {
        for (var image : List.of("alpine; rm -rf /", "--privileged", "$(id)", "Registry.example/X:1@sha256:"
                + "6f5b0d3c1e2a4b7c9d8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c", "pytorch/pytorch:latest",
                "pytorch/pytorch:2.5.1")) {
            assertThatThrownBy(() -> new ConfigLoader().parse("version: 1\nsmoke:\n  image: \"" + image + "\"\n", ".mlexp.yml"))
                    .as(image).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> engine()
                .run(new ConfigLoader().parse("version: 1\n", ".mlexp.yml").smoke(), repo, repo.resolve("out"), "t", l -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs smoke.image");
        assertThat(dir.resolve("bin/calls")).doesNotExist();
    }

    @Test
    void shouldProbeAnImageOnceAndThenReadItsFingerprintFromTheCache() throws Exception {
        var first = engine().run(smoke("gpus: all\n"), repo, repo.resolve("out"), "test", line -> { });
        var second = engine().run(smoke("gpus: all\n"), repo, repo.resolve("out"), "test", line -> { });
        var otherGpus = engine().run(smoke("gpus: \"device=1\"\n"), repo, repo.resolve("out"), "test", line -> { });

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).containsEntry("gpu", "NVIDIA H100 80GB HBM3");
        assertThat(otherGpus.fingerprint()).containsEntry("torch", "2.5.1");
        assertThat(calls().stream().filter(call -> call.size() > 3 && call.get(3).startsWith("mlexp-probe-"))).hasSize(2);
    }

    private ContainerEngine engine() {
        return new ContainerEngine(docker.toString(), new ProbeCache(dir.resolve("cache")));
    }

    private SmokeConfig smoke(String settings) {
        return new ConfigLoader().parse("version: 1\nsmoke:\n  engine: container\n  image: \"" + IMAGE + "\"\n  "
                + settings, ".mlexp.yml").smoke();
    }

    /** Each recorded call, as its argument list, in the order they started. */
    private List<List<String>> calls() throws Exception {
        try (var files = Files.list(dir.resolve("bin/calls"))) {
            var calls = new ArrayList<List<String>>();
            for (var file : files.sorted().toList()) {
                calls.add(Files.readAllLines(file));
            }
            return calls;
        }
    }

    /** The call that ran the training (the probe and the digest run beside it). */
    private List<String> trainingRun() throws Exception {
        return calls().stream().filter(call -> call.get(0).equals("run") && !call.get(3).startsWith("mlexp-probe-"))
                .findFirst().orElseThrow();
    }
}
