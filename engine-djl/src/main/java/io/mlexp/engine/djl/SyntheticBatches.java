package io.mlexp.engine.djl;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded batches a model can learn from: each class has a random prototype and each sample is its
 * class's prototype plus Gaussian noise, so a model that trains at all lowers its loss within a few
 * steps. The same seed gives the same batches on every machine.
 */
final class SyntheticBatches {
    /** Never more than 64 MiB of inputs in memory: large shapes cycle through fewer batches. */
    private static final long MAX_POOL_VALUES = 1L << 24;
    private static final int MAX_POOL_BATCHES = 16;
    private static final double NOISE = 1.0;

    @SuppressWarnings("ArrayRecordComponent") // the arrays go to libtorch as they are; nobody compares batches
    record Batch(float[] inputs, long[] labels) {
    }

    private final Batch[] pool;

    SyntheticBatches(List<Integer> inputShape, int classes, int steps, long seed) {
        int batchSize = inputShape.get(0);
        int features = Math.toIntExact(inputShape.stream().skip(1).mapToLong(Integer::longValue).reduce(1, Math::multiplyExact));
        long batchValues = (long) batchSize * features;
        int count = (int) Math.max(1, Math.min(Math.min(steps, MAX_POOL_BATCHES), MAX_POOL_VALUES / batchValues));
        var random = new SplittableRandom(seed);
        var prototypes = new float[classes][features];
        for (var prototype : prototypes) {
            for (int i = 0; i < features; i++) {
                prototype[i] = (float) random.nextGaussian();
            }
        }
        pool = new Batch[count + 1]; // the last one is held out of training, for the evaluation
        for (int b = 0; b < pool.length; b++) {
            var inputs = new float[Math.toIntExact(batchValues)];
            var labels = new long[batchSize];
            for (int s = 0; s < batchSize; s++) {
                int label = random.nextInt(classes);
                labels[s] = label;
                for (int i = 0; i < features; i++) {
                    inputs[s * features + i] = prototypes[label][i] + (float) (NOISE * random.nextGaussian());
                }
            }
            pool[b] = new Batch(inputs, labels);
        }
    }

    /** How many batches training cycles through. */
    int size() {
        return pool.length - 1;
    }

    /** A batch from the same classes that training never sees. */
    Batch heldOut() {
        return pool[pool.length - 1];
    }

    Batch get(int index) {
        return pool[index];
    }
}
