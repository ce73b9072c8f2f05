package io.mlexp.smoke;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the DJL trainer in core's tests (found through the test class path's service file):
 * its loss halves each step, or stays, or the model is refused, as the model file's content says.
 * The real trainer is tested in mlexp-engine-djl.
 */
public final class ScriptedTrainer implements EmbeddedTrainer {
    @Override
    public Map<String, String> fingerprint() {
        return Map.of("trainer", "scripted");
    }

    @Override
    public Optional<Evaluation> train(Plan plan, Listener listener) {
        var script = read(plan.model());
        if (script.startsWith("refuse")) {
            throw InvalidInputException.of("smoke-embedded-model", SourceLocation.of(plan.model().getFileName().toString()),
                    "model.pt is not a TorchScript model DJL can load");
        }
        double loss = 2.0;
        for (int step = 1; step <= plan.steps(); step++) {
            if (script.startsWith("slow")) {
                sleep();
            }
            if (!listener.onStep(new Step(step, loss, 0.5, 0.001))) {
                return Optional.empty();
            }
            loss = script.startsWith("flat") ? loss : loss / 2;
        }
        return Optional.of(new Evaluation(loss, 0.75));
    }

    @Override
    public ArtifactCheck checkArtifact(Path model, List<Integer> inputShape, int runs) {
        var nan = read(model).startsWith("nan");
        return new ArtifactCheck(List.of((long) inputShape.get(0), 10L), !nan, runs, 1.0, 2.0);
    }

    private static String read(Path model) {
        try {
            return java.nio.file.Files.readString(model, java.nio.charset.StandardCharsets.ISO_8859_1); // a real model.pt is binary
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
