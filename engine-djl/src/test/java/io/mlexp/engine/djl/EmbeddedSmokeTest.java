package io.mlexp.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.config.ConfigLoader;
import io.mlexp.config.SmokeConfig;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.smoke.EmbeddedTrainer;
import io.mlexp.smoke.Smoke;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded engine end to end, as {@code mlexp smoke --engine embedded} runs it on the digits example. */
class EmbeddedSmokeTest {
    @TempDir
    Path repo;

    @Test
    void theServiceLoaderFindsTheDjlTrainer() {
        assertThat(EmbeddedTrainer.find()).containsInstanceOf(DjlTrainer.class);
    }

    @Test
    void trainsTheExampleModelAndPassesItsExpectations() throws Exception {
        Files.copy(DjlTrainerTest.EXAMPLE_MODEL, repo.resolve("model.pt"));
        Files.createDirectories(repo.resolve("configs"));
        Files.copy(Path.of("../examples/digits/configs/smoke.yaml"), repo.resolve("configs/smoke.yaml")); // its lr and seed
        var config = new ConfigLoader().parse(Files.readString(Path.of("../examples/digits/.mlexp.yml")), ".mlexp.yml");
        var progress = new ArrayList<String>();

        var result = Smoke.run(config.smoke(), SmokeConfig.Engine.EMBEDDED, repo, repo.resolve(".mlexp/smoke"), progress::add);

        assertThat(result.findings()).isEmpty();
        assertThat(progress.get(0)).contains("(lr 0.001 and seed 42 from configs/smoke.yaml)");
        assertThat(result.engine()).isEqualTo("embedded");
        assertThat(result.fingerprint()).containsEntry("engine", "embedded").containsEntry("libtorch", "2.7.1");
        var logged = MetricsReader.read(repo.resolve(".mlexp/smoke/metrics.jsonl"), "metrics.jsonl");
        assertThat(logged).hasSize(51); // 50 steps, then the held-out evaluation
        assertThat(logged.get(49).values().get("loss")).isLessThan(logged.get(0).values().get("loss") * 0.95);
        assertThat(logged.get(50).values()).containsOnlyKeys("eval_loss", "eval_accuracy");
        assertThat(progress).anyMatch(line -> line.startsWith("step 50/50"));
    }
}
