package io.mlexp.engine.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.mlexp.check.EnvironmentException;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.smoke.EmbeddedTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The embedded engine on DJL's PyTorch engine, with libtorch from the pytorch-native-cpu jar. */
public final class DjlTrainer implements EmbeddedTrainer {
    private static final String ENGINE = "PyTorch";

    @Override
    public Map<String, String> fingerprint() {
        var engine = engine();
        var fingerprint = new LinkedHashMap<String, String>();
        fingerprint.put("djl", Engine.getDjlVersion());
        fingerprint.put("libtorch", engine.getVersion());
        fingerprint.put("device", "cpu");
        fingerprint.put("cpu", Cpu.name());
        fingerprint.put("threads", String.valueOf(JniUtils.getNumThreads()));
        return fingerprint;
    }

    @Override
    public Optional<Evaluation> train(Plan plan, Listener listener) {
        engine();
        if (plan.threads() > 0) {
            JniUtils.setNumThreads(plan.threads());
        }
        var batches = new SyntheticBatches(plan.inputShape(), plan.classes(), plan.steps(), plan.seed());
        try (var model = load(plan.model(), true)) {
            var config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) plan.learningRate())).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                var inputs = upload(trainer.getManager(), batches, plan.inputShape());
                for (int step = 1; step <= plan.steps(); step++) {
                    var batch = inputs[(step - 1) % batches.size()];
                    long began = System.nanoTime();
                    var result = step(trainer, batch, plan, step);
                    if (!listener.onStep(new Step(step, result[0], result[1], (System.nanoTime() - began) / 1e9))) {
                        return Optional.empty();
                    }
                }
                return Optional.of(evaluate(trainer, inputs[batches.size()], plan));
            }
        }
    }

    /** Returns the loss and the accuracy of one optimiser step. */
    private static double[] step(Trainer trainer, NDList batch, Plan plan, int step) {
        try (NDManager scratch = trainer.getManager().newSubManager()) {
            batch.tempAttach(scratch);
            var x = batch.get(0);
            var labels = batch.get(1);
            try (var collector = trainer.newGradientCollector()) {
                var predictions = forward(trainer, x, plan, step);
                var loss = trainer.getLoss().evaluate(new NDList(labels), predictions);
                collector.backward(loss);
                var correct = predictions.head().argMax(1).eq(labels).countNonzero().getLong();
                var values = new double[] {loss.getFloat(), (double) correct / plan.batchSize()};
                trainer.step();
                return values;
            }
        }
    }

    private static Evaluation evaluate(Trainer trainer, NDList batch, Plan plan) {
        try (NDManager scratch = trainer.getManager().newSubManager()) {
            batch.tempAttach(scratch);
            var labels = batch.get(1);
            var predictions = trainer.evaluate(new NDList(batch.get(0)));
            var loss = trainer.getLoss().evaluate(new NDList(labels), predictions).getFloat();
            var correct = predictions.head().argMax(1).eq(labels).countNonzero().getLong();
            return new Evaluation(loss, (double) correct / plan.batchSize());
        }
    }

    private static NDList forward(Trainer trainer, NDArray x, Plan plan, int step) {
        NDList predictions;
        try {
            predictions = trainer.forward(new NDList(x));
        } catch (EngineException e) {
            throw refused(plan.model(), "cannot take an input of shape " + plan.inputShape() + ": " + firstLine(e), e);
        }
        if (step == 1) {
            var shape = predictions.head().getShape();
            if (shape.dimension() != 2 || shape.get(0) != plan.batchSize() || shape.get(1) != plan.classes()) {
                throw refused(plan.model(), "gives an output of shape " + Arrays.toString(shape.getShape()) + " for an input of "
                        + plan.inputShape() + "; the embedded engine needs [" + plan.batchSize() + ", " + plan.classes()
                        + "] (batch, smoke.embedded.classes)");
            }
        }
        return predictions;
    }

    /** Every training batch, then the held-out one, as arrays the trainer owns. */
    private static NDList[] upload(NDManager manager, SyntheticBatches batches, List<Integer> inputShape) {
        var shape = new Shape(inputShape.stream().mapToLong(Integer::longValue).toArray());
        var uploaded = new NDList[batches.size() + 1];
        for (int i = 0; i < uploaded.length; i++) {
            var batch = i < batches.size() ? batches.get(i) : batches.heldOut();
            uploaded[i] = new NDList(manager.create(batch.inputs(), shape), manager.create(batch.labels()));
        }
        return uploaded;
    }

    @Override
    public ArtifactCheck checkArtifact(Path file, List<Integer> inputShape, int runs) {
        engine();
        var batches = new SyntheticBatches(inputShape, 2, 1, 0);
        try (var model = load(file, false); var manager = model.getNDManager().newSubManager()) {
            var shape = new Shape(inputShape.stream().mapToLong(Integer::longValue).toArray());
            var input = manager.create(batches.get(0).inputs(), shape);
            var block = model.getBlock();
            var parameters = new ai.djl.training.ParameterStore(manager, false);
            var millis = new double[runs];
            @org.jspecify.annotations.Nullable NDList output = null;
            for (int run = -1; run < runs; run++) {
                long began = System.nanoTime();
                try (var scratch = manager.newSubManager()) {
                    input.tempAttach(scratch);
                    try {
                        output = block.forward(parameters, new NDList(input), false);
                    } catch (EngineException e) {
                        throw refused(file, "cannot take an input of shape " + inputShape + ": " + firstLine(e), e);
                    }
                    output.head().toFloatArray(); // waits for the result, as a caller would
                    if (run == runs - 1) {
                        output.detach();
                    }
                }
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - began) / 1e6;
                }
            }
            var head = java.util.Objects.requireNonNull(output, "the loop ran at least once").head();
            var shapeOut = Arrays.stream(head.getShape().getShape()).boxed().toList();
            boolean finite = !head.isNaN().any().getBoolean() && !head.isInfinite().any().getBoolean();
            Arrays.sort(millis);
            return new ArtifactCheck(shapeOut, finite, runs, percentile(millis, 0.50), percentile(millis, 0.95));
        }
    }

    private static double percentile(double[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Model load(Path file, boolean trainable) {
        var model = Model.newInstance(String.valueOf(file.getFileName()), Device.cpu(), ENGINE);
        try {
            model.load(file, null, Map.of("trainParam", String.valueOf(trainable)));
            return model;
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw refused(file, "is not a TorchScript model DJL can load: " + firstLine(e)
                    + " (save it with torch.jit.script(model).save(...) or torch.jit.trace)", e);
        }
    }

    /** The PyTorch engine, set up for smoke runs unless the user chose otherwise with system properties. */
    private static Engine engine() {
        // Offline: libtorch comes from the pytorch-native-cpu jar; a missing jar must fail, not download.
        System.getProperties().putIfAbsent("ai.djl.offline", "true");
        // The graph executor's optimiser profiles the first runs: slower for a few short steps (issue 5's figures).
        System.getProperties().putIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        try {
            return Engine.getEngine(ENGINE);
        } catch (EngineException | IllegalArgumentException e) {
            throw new EnvironmentException("the embedded engine cannot start libtorch: " + firstLine(e)
                    + "; the pytorch-native-cpu and pytorch-jni jars must be on the class path", e);
        }
    }

    private static InvalidInputException refused(Path file, String message) {
        return InvalidInputException.of("smoke-embedded-model", SourceLocation.of(String.valueOf(file.getFileName())),
                file.getFileName() + " " + message);
    }

    private static InvalidInputException refused(Path file, String message, Exception cause) {
        return InvalidInputException.of("smoke-embedded-model", SourceLocation.of(String.valueOf(file.getFileName())),
                file.getFileName() + " " + message, cause);
    }

    private static String firstLine(Throwable e) {
        var cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        var message = String.valueOf(cause.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
