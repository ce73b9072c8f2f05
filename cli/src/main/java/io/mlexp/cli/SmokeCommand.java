package io.mlexp.cli;

import io.mlexp.config.SmokeConfig;
import io.mlexp.smoke.EmbeddedEngine;
import io.mlexp.smoke.Smoke;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "smoke", description = {
    "Runs the smoke training for a few steps, its output streamed live, then checks smoke.expect on the",
    "metrics it logged. Writes metrics.jsonl and smoke.json to --out.",
    "Engines: container (smoke.command in smoke.image, through docker or podman), local (smoke.command here),",
    "embedded (DJL trains smoke.embedded.model; no Docker, no Python), auto (the first of those that can run).",
    "With --check-artifact FILE, loads a TorchScript file instead and reports its output shape, whether the",
    "output is finite, and the latency of a forward pass (p50, p95)."})
final class SmokeCommand extends MlexpSubcommand {
    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "container, local, embedded or auto (default: smoke.engine).")
    SmokeConfig.Engine engine;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = Smoke.OUTPUT,
            description = "Where metrics.jsonl and smoke.json go, relative to the repository (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--check-artifact", paramLabel = "FILE", description = "A TorchScript file to load and time.")
    Path artifact;

    @Option(names = "--input-shape", paramLabel = "N,N,...", split = ",",
            description = "The batch for --check-artifact (default: smoke.embedded.input-shape).")
    List<Integer> inputShape;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "100",
            description = "Forward passes timed by --check-artifact (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        return artifact == null ? smoke() : checkArtifact();
    }

    private int smoke() {
        return SmokeRun.run(workspace(), Optional.ofNullable(engine), out, reporter());
    }

    private int checkArtifact() {
        if (runs < 1 || runs > 100_000) {
            throw new ParameterException(spec.commandLine(), "--runs must be from 1 to 100000, found " + runs);
        }
        var shape = inputShape;
        if (shape == null) {
            shape = loadConfig(workspace()).smoke().embedded().inputShape();
        } else if (shape.size() < 2 || shape.stream().anyMatch(dimension -> dimension == null || dimension < 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--input-shape needs a batch dimension and at least one more, all positive, such as 1,784; found " + shape);
        }
        var file = global().workingDirectory().resolve(artifact);
        var report = EmbeddedEngine.installed().checkArtifact(file, shape, runs);
        var check = report.check();
        out().printf(Locale.ROOT, "%s: output %s for input %s, %s; forward pass p50 %.2f ms, p95 %.2f ms over %d runs%n",
                artifact, check.outputShape(), shape, check.finite() ? "finite" : "NOT finite", check.p50Millis(),
                check.p95Millis(), check.runs());
        return report(report.findings(), "artifact " + artifact);
    }
}
