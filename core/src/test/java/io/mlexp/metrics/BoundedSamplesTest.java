package io.mlexp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mlexp.check.SourceLocation;
import io.mlexp.config.SmokeConfig;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long metrics log read into bounded memory, with the same verdicts as the whole log. */
class BoundedSamplesTest {
    @TempDir
    Path dir;

    @Test
    void aLongLogKeepsEvenlySpacedPointsAndEverySampleAVerdictReads() throws Exception {
        var log = dir.resolve("metrics.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(log)) {
            for (int step = 1; step <= 200_000; step++) {
                var loss = step == 123_457 ? "NaN" : String.valueOf(2.0 - step / 200_000.0);
                out.write("{\"step\": " + step + ", \"loss\": " + loss + (step % 50_000 == 7 ? ", \"eval_accuracy\": 0.9" : "") + "}\n");
            }
        }

        var samples = MetricsReader.read(log, "metrics.jsonl");

        assertThat(samples.size()).isLessThanOrEqualTo(BoundedSamples.EVEN_POINTS + 6);
        assertThat(samples).extracting(Sample::step).isSorted().contains(1L, 123_457L, 150_007L, 200_000L);
        assertThat(samples.get(samples.size() - 1).values()).containsEntry("loss", 1.0);
        var expect = new SmokeConfig.Expect(true, OptionalDouble.of(0.4), "loss", Map.of());
        var smoke = SmokeConfig.defaults().toBuilder().expect(expect).build();
        assertThat(Expectations.check(smoke, samples, "metrics.jsonl")).extracting(finding -> finding.ruleId())
                .containsExactly("smoke-not-finite");
        assertThat(io.mlexp.history.Entries.finalValues(samples)).containsEntry("eval_accuracy", 0.9).containsEntry("loss", 1.0);
    }

    @Test
    void aHundredThousandColumnHeaderTakesLinearTime() throws Exception {
        var header = new StringBuilder("step");
        var row = new StringBuilder("1");
        for (int c = 0; c < 100_000; c++) {
            header.append(",m").append(c);
            row.append(",0.5");
        }
        var csv = Files.writeString(dir.resolve("metrics.csv"), header + "\n" + row + "\n");

        var samples = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> MetricsReader.read(csv, "metrics.csv"));

        assertThat(samples).singleElement().satisfies(sample -> assertThat(sample.values()).hasSize(100_000));
    }

    @Test
    void aShortLogIsKeptWhole() {
        var sink = new BoundedSamples();
        var all = List.of(new Sample(1, Map.of("loss", 2.0), SourceLocation.of("m")), new Sample(2, Map.of("loss", 1.0), SourceLocation.of("m")));
        all.forEach(sink);

        assertThat(sink.samples()).isEqualTo(all);
    }
}
