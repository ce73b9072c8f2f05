package io.mlexp.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.InvalidInputException;
import io.mlexp.smoke.EmbeddedTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlTrainerTest {
    /** The digits example's untrained MLP 784-128-10, scripted by examples/digits/export.py with torch 1.13. */
    static final Path EXAMPLE_MODEL = Path.of("../examples/digits/model.pt");

    private final DjlTrainer trainer = new DjlTrainer();

    @Test
    void trainsTheExampleModelAndItsLossFalls() {
        var steps = train(plan(List.of(64, 784), 10, 50));

        assertThat(steps).hasSize(50);
        assertThat(steps.get(0).loss()).isBetween(1.5, 3.5);
        assertThat(steps.get(49).loss()).isLessThan(steps.get(0).loss() * 0.5);
        assertThat(steps.get(49).accuracy()).isGreaterThan(0.8);
        assertThat(steps).allSatisfy(step -> assertThat(step.seconds()).isPositive());
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        var first = train(plan(List.of(64, 784), 10, 5));
        var second = train(plan(List.of(64, 784), 10, 5));

        assertThat(second).extracting(EmbeddedTrainer.Step::loss).containsExactlyElementsOf(
                first.stream().map(EmbeddedTrainer.Step::loss).toList());
    }

    @Test
    void stopsWhenTheListenerSaysSo() {
        var steps = new ArrayList<EmbeddedTrainer.Step>();
        var evaluation = trainer.train(plan(List.of(64, 784), 10, 50), step -> {
            steps.add(step);
            return step.step() < 3;
        });

        assertThat(steps).hasSize(3);
        assertThat(evaluation).isEmpty();
    }

    @Test
    void evaluatesTheTrainedModelOnABatchItNeverSaw() {
        var evaluation = trainer.train(plan(List.of(64, 784), 10, 50), step -> true);

        assertThat(evaluation).hasValueSatisfying(held -> {
            assertThat(held.accuracy()).isGreaterThan(0.8);
            assertThat(held.loss()).isLessThan(1.0);
        });
    }

    @Test
    void refusesAModelWhoseOutputDoesNotMatchTheClasses() {
        assertThatThrownBy(() -> train(plan(List.of(64, 784), 5, 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.pt gives an output of shape [64, 10] for an input of [64, 784]")
                .hasMessageContaining("[64, 5]");
    }

    @Test
    void refusesAnInputShapeTheModelCannotTake() {
        assertThatThrownBy(() -> train(plan(List.of(64, 100), 10, 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.pt cannot take an input of shape [64, 100]");
    }

    @Test
    void refusesAFileThatIsNotTorchScript(@TempDir Path directory) throws IOException {
        var file = Files.writeString(directory.resolve("model.pt"), "not a model");
        var plan = new EmbeddedTrainer.Plan(file, List.of(64, 784), 10, 3, 0, 0.001, 0);

        assertThatThrownBy(() -> trainer.train(plan, step -> true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.pt is not a TorchScript model DJL can load");
    }

    @Test
    void checksAnArtifact() {
        var check = trainer.checkArtifact(EXAMPLE_MODEL, List.of(8, 784), 20);

        assertThat(check.outputShape()).containsExactly(8L, 10L);
        assertThat(check.finite()).isTrue();
        assertThat(check.runs()).isEqualTo(20);
        assertThat(check.p50Millis()).isPositive().isLessThanOrEqualTo(check.p95Millis());
    }

    @Test
    void fingerprintNamesTheEngineAndTheCpu() {
        var fingerprint = trainer.fingerprint();

        assertThat(fingerprint).containsEntry("libtorch", "2.7.1").containsEntry("device", "cpu").containsKeys("djl", "cpu", "threads");
        assertThat(fingerprint.get("djl")).startsWith("0.35");
    }

    private List<EmbeddedTrainer.Step> train(EmbeddedTrainer.Plan plan) {
        var steps = new ArrayList<EmbeddedTrainer.Step>();
        trainer.train(plan, step -> {
            steps.add(step);
            return true;
        });
        return steps;
    }

    private static EmbeddedTrainer.Plan plan(List<Integer> shape, int classes, int steps) {
        return new EmbeddedTrainer.Plan(EXAMPLE_MODEL, shape, classes, steps, 7, 0.001, 2);
    }
}
