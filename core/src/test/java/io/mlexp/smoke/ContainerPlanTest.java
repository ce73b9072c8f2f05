package io.mlexp.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.config.ConfigLoader;
import io.mlexp.config.SmokeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan Jenkins hands to Docker Workflow, and the judgement of the run it carried out. */
class ContainerPlanTest {
    private static final String IMAGE = "registry.example/ml/torch:2.5.1@sha256:" + "b".repeat(64);

    @TempDir
    Path repository;

    private SmokeConfig smoke(String extra) {
        return new ConfigLoader().parse("""
                version: 1
                smoke:
                  engine: container
                  image: %s
                  command: python train.py --steps 20
                  timeout: 90s
                %s""".formatted(IMAGE, extra), ".mlexp.yml").smoke();
    }

    @Test
    void carriesTheSameArgumentsTheCliEnginePasses() {
        var output = repository.resolve(".mlexp/smoke");
        var plan = ContainerPlan.of(smoke("  gpus: device=0\n"), repository, output);

        assertThat(plan.image()).isEqualTo(IMAGE);
        assertThat(plan.options()).containsExactly("--gpus", "device=0", "--network", "none");
        assertThat(plan.volumes()).containsExactly(Map.entry(repository.toAbsolutePath().toString(), "/workspace"),
                Map.entry(output.toAbsolutePath().toString(), "/mlexp-out"));
        assertThat(plan.environment()).containsEntry("MLEXP_METRICS", "/mlexp-out/metrics.jsonl");
        // the training process takes the fingerprint: mlexp's sitecustomize first on the image's own PYTHONPATH
        assertThat(plan.command()).containsExactly("sh", "-c", "export PYTHONPATH=\"/mlexp-out/.python${PYTHONPATH:+:$PYTHONPATH}\""
                + " MLEXP_FINGERPRINT_DIR=\"/mlexp-out/fingerprints\"; python train.py --steps 20");
        assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(Files.isDirectory(output)).isTrue();
        assertThat(new ContainerEngine("docker").runArguments(smoke("  gpus: device=0\n"), repository, output, "n", plan.command()))
                .containsSubsequence("docker", "run", "--rm", "--name", "n")
                .endsWith(plan.runArguments().toArray(String[]::new));
    }

    @Test
    void noGpusMeansNoGpuOption() {
        var plan = ContainerPlan.of(smoke("  gpus: none\n"), repository, repository.resolve("out"));

        assertThat(plan.options()).containsExactly("--network", "none");
    }

    @Test
    void judgesAnExternalRunByItsExitCodeAndTheMetricsItWrote() throws Exception {
        var output = repository.resolve("out");
        var config = smoke("  expect:\n    loss-decrease: 0.2\n");
        ContainerPlan.of(config, repository, output);
        Files.writeString(output.resolve("metrics.jsonl"), """
                {"step": 1, "loss": 2.0}
                {"step": 20, "loss": 0.5}
                """);

        var passed = ContainerPlan.judge(config, repository, output, "Docker Workflow", 0, false, Duration.ofSeconds(12),
                Map.of("gpu", "NVIDIA H100"));
        assertThat(passed.failed()).isFalse();
        assertThat(passed.metrics()).hasSize(2);
        assertThat(passed.fingerprint()).containsEntry("engine", "container").containsEntry("image", IMAGE)
                .containsEntry("gpu", "NVIDIA H100");

        var failed = ContainerPlan.judge(config, repository, output, "Docker Workflow", 137, false, Duration.ofSeconds(3), Map.of());
        assertThat(failed.findings()).extracting(f -> f.ruleId()).contains("smoke-command-failed");
        var stopped = ContainerPlan.judge(config, repository, output, "Docker Workflow", -1, true, Duration.ofSeconds(90), Map.of());
        assertThat(stopped.findings()).extracting(f -> f.ruleId()).containsExactly("smoke-timeout");
    }

    @Test
    void anExternalRunsPrintedLossIsReadFromTheOutputLogTheLauncherKept() throws Exception {
        var output = repository.resolve("out");
        var config = smoke("""
                  stdout-metrics:
                    loss: 'step\\s+(?P<step>[0-9]+)\\s*\\|\\s*loss\\s+(?P<value>[0-9.]+)'
                  expect:
                    loss-decrease: 0.5
                """);
        ContainerPlan.of(config, repository, output);
        Files.writeString(output.resolve(ContainerPlan.OUTPUT_LOG), "downloading nothing\n| step 10 | loss 4.0\n"
                + "x".repeat(100_000) + "\n| step 20 | loss 1.0\n");

        var result = ContainerPlan.judge(config, repository, output, "Docker Workflow", 0, false, Duration.ofSeconds(5), Map.of());

        assertThat(result.findings()).isEmpty();
        assertThat(result.metricsSource()).isEqualTo("the output (smoke.stdout-metrics)");
        assertThat(result.metrics()).extracting(sample -> sample.step()).containsExactly(10L, 20L);
    }

    @Test
    void aRunWhoseTorchIsNotTheOneTheImageTagNamesFails() throws Exception {
        var output = repository.resolve("out");
        var config = smoke("");
        ContainerPlan.of(config, repository, output);
        Files.writeString(output.resolve("metrics.jsonl"), "{\"step\": 1, \"loss\": 2.0}\n{\"step\": 20, \"loss\": 0.5}\n");

        var result = ContainerPlan.judge(config, repository, output, "Docker Workflow", 0, false, Duration.ofSeconds(5),
                Map.of("torch", "2.4.1+cu121"));
        var matching = ContainerPlan.judge(config, repository, output, "Docker Workflow", 0, false, Duration.ofSeconds(5),
                Map.of("torch", "2.5.1+cu124"));

        assertThat(result.failed()).isTrue();
        assertThat(result.findings()).extracting(f -> f.format()).containsExactly(".mlexp/smoke/smoke.json: error: the image " + IMAGE
                + " says torch 2.5.1 in its tag, but the run measured torch 2.4.1+cu121 [image-tag-mismatch] (tag the image after what"
                + " it holds, or rebuild it; the fingerprint is what trained)");
        assertThat(matching.findings()).isEmpty();
    }
}
