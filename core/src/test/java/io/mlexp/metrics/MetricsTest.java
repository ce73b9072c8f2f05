package io.mlexp.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.SmokeConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The readers on what real scripts write, and the expectations on what they logged. */
class MetricsTest {
    private static final Path DIGITS = Path.of("src/test/resources/metrics/digits-smoke.jsonl");
    private static final Path LIGHTNING = Path.of("src/test/resources/metrics/lightning-metrics.csv");
    private static final SmokeConfig DEFAULTS = SmokeConfig.defaults();

    @Test
    void quotedCsvFieldsAsPythonsCsvWritesThemAreOneCellEach() {
        var samples = MetricsReader.csv("step,\"val, loss\",\"the \"\"best\"\" acc\"\n1,\"0.5\",0.75\n", "metrics.csv");

        assertThat(samples).singleElement().satisfies(sample -> assertThat(sample.values())
                .containsEntry("val, loss", 0.5).containsEntry("the \"best\" acc", 0.75));
        assertThatThrownBy(() -> MetricsReader.csv("step,loss\n1,\"2,5\",3\n", "metrics.csv"))
                .hasMessageContaining("metrics.csv:2:9: error: the row has 3 values, but the header names 2 columns");
    }

    @Test
    void shouldReadTheExamplesJsonLines() {
        var samples = MetricsReader.read(DIGITS, "metrics.jsonl");

        assertThat(samples).hasSize(51);
        assertThat(samples.get(0).step()).isEqualTo(1);
        assertThat(samples.get(0).values()).containsEntry("loss", 2.318557).containsKeys("accuracy", "samples_per_sec");
        assertThat(samples.get(50).values()).containsOnlyKeys("eval_accuracy");
        assertThat(Expectations.check(DEFAULTS, samples, "metrics.jsonl")).isEmpty();
    }

    @Test
    void shouldReadLightningsSparseCsv() {
        var samples = MetricsReader.read(LIGHTNING, "metrics.csv");

        assertThat(samples).hasSize(6);
        assertThat(samples.get(2).step()).isEqualTo(99);
        // epoch is an index column, as step is: not a metric
        assertThat(samples.get(2).values()).containsOnlyKeys("val_acc", "val_loss");
        var expect = new SmokeConfig.Expect(true, OptionalDouble.of(0.3), "train_loss",
                Map.of("val_acc", new SmokeConfig.Bounds(OptionalDouble.of(0.7), OptionalDouble.empty())));

        assertThat(Expectations.check(DEFAULTS.toBuilder().expect(expect).build(), samples, "metrics.jsonl")).extracting(Finding::format).containsExactly(
                "metrics.csv:7: error: val_acc is 0.6914 at step 199, below the minimum 0.7 [smoke-bounds]");
    }

    @Test
    void shouldNameTheMetricAndTheStepThatWentNonFinite() {
        // what Python's json.dumps writes for float('nan') and float('inf')
        var samples = MetricsReader.jsonLines("""
                {"step": 1, "loss": 2.3}
                {"step": 2, "loss": NaN, "grad_norm": Infinity}
                {"step": 3, "loss": NaN, "grad_norm": -Infinity}
                """, "metrics.jsonl");

        assertThat(Expectations.check(DEFAULTS, samples, "metrics.jsonl")).extracting(Finding::format).containsExactly(
                "metrics.jsonl:2: error: loss is NaN at step 2 [smoke-not-finite] (the training diverged: check the"
                        + " learning rate, the data and the loss)",
                "metrics.jsonl:2: error: grad_norm is +Infinity at step 2 [smoke-not-finite] (the training diverged:"
                        + " check the learning rate, the data and the loss)");
    }

    @Test
    void shouldSayByHowMuchTheLossFellAndWhatWasExpected() {
        var samples = MetricsReader.jsonLines("{\"step\": 1, \"loss\": 2.0}\n{\"step\": 50, \"loss\": 1.96}\n", "m.jsonl");

        assertThat(Expectations.check(DEFAULTS, samples, "metrics.jsonl")).extracting(Finding::message).containsExactly(
                "loss fell 2.0% from step 1 (2) to step 50 (1.96); expected at least 5.0%");
        assertThat(Expectations.check(DEFAULTS, MetricsReader.jsonLines("{\"acc\": 1}\n", "m.jsonl"), "metrics.jsonl"))
                .extracting(Finding::message).containsExactly("'loss' was logged never; a falling loss needs two steps or more");
        assertThat(Expectations.check(DEFAULTS, java.util.List.of(), "metrics.jsonl")).extracting(Finding::ruleId)
                .containsExactly("smoke-no-metrics");
    }

    @Test
    void shouldLocateBrokenLines() {
        assertThatThrownBy(() -> MetricsReader.jsonLines("{\"step\": 1, \"loss\": 2.0}\n{\"step\": 2, \"loss\": }\n", "m.jsonl"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).findings().get(0).format())
                        .startsWith("m.jsonl:2:21: error: not valid JSON"));
        assertThatThrownBy(() -> MetricsReader.csv("step,loss\n1,abc\n", "metrics.csv"))
                .hasMessageContaining("column 'loss' holds 'abc', not a number");
    }
}
