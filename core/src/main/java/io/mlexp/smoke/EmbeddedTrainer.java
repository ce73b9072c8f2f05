package io.mlexp.smoke;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Trains a TorchScript model inside this JVM. The implementation lives in {@code mlexp-engine-djl} and
 * is found with {@link ServiceLoader}, so that core, the CLI and the plugin run without DJL when the
 * embedded engine is not wanted.
 */
public interface EmbeddedTrainer {
    /** What to train: a TorchScript file, the synthetic batches' shape and classes, and the optimiser. */
    record Plan(Path model, List<Integer> inputShape, int classes, int steps, long seed, double learningRate,
            int threads) {
        public Plan {
            inputShape = List.copyOf(inputShape);
        }

        public int batchSize() {
            return inputShape.get(0);
        }
    }

    /** One optimiser step: the loss and accuracy on its batch, and how long it took. */
    record Step(int step, double loss, double accuracy, double seconds) {
    }

    /** The trained model on a held-out seeded batch, as a training script's final evaluation. */
    record Evaluation(double loss, double accuracy) {
    }

    /** Receives each step as it ends; returning {@code false} stops the training (a timeout). */
    @FunctionalInterface
    interface Listener {
        boolean onStep(Step step);
    }

    /** A forward pass timed over several runs: what {@code mlexp smoke --check-artifact} reports. */
    record ArtifactCheck(List<Long> outputShape, boolean finite, int runs, double p50Millis, double p95Millis) {
        public ArtifactCheck {
            outputShape = List.copyOf(outputShape);
        }
    }

    /** The engine's versions and the CPU, for the fingerprint; loads the native library. */
    Map<String, String> fingerprint();

    /**
     * Trains {@code plan.model()} with Adam on seeded synthetic batches, one call of {@code listener} per step,
     * then evaluates it on a held-out batch.
     *
     * @return the evaluation; empty when the listener stopped the training
     * @throws io.mlexp.check.InvalidInputException when the model cannot be loaded or does not fit the plan
     */
    Optional<Evaluation> train(Plan plan, Listener listener);

    /** Loads a TorchScript file and times a forward pass on a seeded batch of {@code inputShape}. */
    ArtifactCheck checkArtifact(Path model, List<Integer> inputShape, int runs);

    /** The trainer on the class path, if the embedded engine is installed. */
    static Optional<EmbeddedTrainer> find() {
        return ServiceLoader.load(EmbeddedTrainer.class, EmbeddedTrainer.class.getClassLoader()).findFirst();
    }
}
