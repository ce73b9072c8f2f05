package io.mlexp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example must really learn: .ci/run installs Debian's python3-torch for this test. */
public class DigitsExampleTrainingTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "digits").toAbsolutePath().normalize();

    @Test
    void shouldCutTheLossClearlyInFiftySmokeSteps(@TempDir Path dir) throws Exception {
        var python = pythonWithTorch();
        assumeTrue(python.isPresent(), "no python3 with torch and yaml on this machine (Debian: apt-get install python3-torch python3-yaml)");
        var metrics = dir.resolve("metrics.jsonl");

        var process = new ProcessBuilder(python.get(), "train.py", "--config", "configs/smoke.yaml", "--max-steps", "50")
                .directory(EXAMPLE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("train.log").toFile());
        process.environment().put("MLEXP_METRICS", metrics.toString());
        process.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        var running = process.start();
        assertThat(running.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(running.exitValue()).as(Files.readString(dir.resolve("train.log"))).isZero();
        var steps = read(metrics).stream().filter(line -> line.has("loss")).toList();
        assertThat(steps).hasSize(50);
        double first = steps.get(0).get("loss").asDouble();
        double last = steps.get(49).get("loss").asDouble();
        assertThat(last).as("loss after 50 steps against the first step's %s", first).isLessThan(first * 0.8);
        assertThat(read(metrics).get(50).get("eval_accuracy").asDouble()).isGreaterThan(0.3);
    }

    private static List<JsonNode> read(Path jsonLines) throws IOException {
        var mapper = new ObjectMapper();
        var lines = new ArrayList<JsonNode>();
        for (var line : Files.readAllLines(jsonLines)) {
            lines.add(mapper.readTree(line));
        }
        return lines;
    }

    public static Optional<String> pythonWithTorch() {
        return pythonWith("import torch, yaml");
    }

    /** The first Python 3 here for which {@code imports} runs, or empty. */
    public static Optional<String> pythonWith(String imports) {
        for (var candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                var probe = new ProcessBuilder(candidate, "-c", imports).redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed; try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
