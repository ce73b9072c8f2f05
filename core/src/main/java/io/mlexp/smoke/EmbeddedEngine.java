package io.mlexp.smoke;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.SmokeConfig;
import io.mlexp.util.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The {@code embedded} engine: no Docker and no Python. An {@link EmbeddedTrainer} (DJL) trains the
 * TorchScript model named in {@code smoke.embedded} on seeded synthetic batches; this class writes
 * what it logs as the same JSON lines a training script would, and judges them the same way.
 */
public final class EmbeddedEngine {
    private static final int PROGRESS_EVERY = 10;

    private final EmbeddedTrainer trainer;

    public EmbeddedEngine(EmbeddedTrainer trainer) {
        this.trainer = trainer;
    }

    /** The engine with the trainer on the class path. */
    public static EmbeddedEngine installed() {
        return new EmbeddedEngine(EmbeddedTrainer.find().orElseThrow(() -> new EnvironmentException(
                "the embedded engine is not installed: mlexp-engine-djl and its libtorch jars are not on the class path;"
                        + " use the mlexp distribution, which ships them in lib/, or choose --engine local or container")));
    }

    public static boolean isInstalled() {
        return EmbeddedTrainer.find().isPresent();
    }

    public SmokeResult run(SmokeConfig smoke, Path repository, Path output, String reason, Consumer<String> progress) {
        var embedded = smoke.embedded();
        var metricsFile = Judge.prepare(output);
        var fingerprint = new LinkedHashMap<String, String>();
        fingerprint.put("engine", "embedded");
        var model = RepoPaths.regularFileInside(repository, embedded.model());
        if (model.isEmpty()) {
            var missing = Finding.error("smoke-model-missing", smoke.where("embedded.model"),
                    "smoke.embedded.model '" + embedded.model() + "' is not a file inside the repository")
                    .withHint("export the model with torch.jit.script(model).save('" + embedded.model() + "')");
            return new SmokeResult("embedded", reason, 1, false, Duration.ZERO, List.of(), fingerprint, List.of(missing));
        }
        fingerprint.putAll(trainer.fingerprint());
        var problems = new java.util.ArrayList<Finding>();
        var settings = TrainingSettings.of(embedded, smoke.where("embedded.config"), repository, problems);
        if (!problems.isEmpty()) {
            return new SmokeResult("embedded", reason, 1, false, Duration.ZERO, List.of(), fingerprint, problems);
        }
        var plan = new EmbeddedTrainer.Plan(model.get(), embedded.inputShape(), embedded.classes(), embedded.steps(),
                settings.seed(), settings.learningRate(), embedded.threads());
        progress.accept(String.format(Locale.ROOT, "training %s for %d steps with Adam (lr %s%s) on seeded synthetic batches of %s,"
                + " %d classes", embedded.model(), plan.steps(), plan.learningRate(), settings.source(), embedded.inputShape(),
                embedded.classes()));

        long started = System.nanoTime();
        long deadline = started + smoke.timeout().toNanos();
        var timedOut = new boolean[1];
        List<Finding> failures = List.of();
        int exitCode = 0;
        try (Writer metrics = Files.newBufferedWriter(metricsFile, StandardCharsets.UTF_8)) {
            var evaluation = trainer.train(plan, step -> {
                write(metrics, step, plan.batchSize());
                if (step.step() == 1 || step.step() % PROGRESS_EVERY == 0 || step.step() == plan.steps()) {
                    progress.accept(String.format(Locale.ROOT, "step %d/%d  loss %.4f  accuracy %.3f",
                            step.step(), plan.steps(), step.loss(), step.accuracy()));
                }
                timedOut[0] = System.nanoTime() > deadline;
                return !timedOut[0];
            });
            if (evaluation.isPresent()) {
                var eval = evaluation.get();
                metrics.write("{\"step\": " + plan.steps() + ", \"eval_loss\": " + eval.loss() + ", \"eval_accuracy\": "
                        + eval.accuracy() + "}\n");
                progress.accept(String.format(Locale.ROOT, "held-out batch: loss %.4f  accuracy %.3f", eval.loss(), eval.accuracy()));
            }
        } catch (InvalidInputException e) {
            failures = e.findings();
            exitCode = 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + metricsFile + ": " + e.getMessage(), e);
        }
        var ended = new ProcessRun.Ended(exitCode, timedOut[0], Duration.ofNanos(System.nanoTime() - started));
        var judged = Judge.judge(smoke, ended, metricsFile, Judge.Where.filesOnly(repository, java.time.Instant.now()), failures);
        return new SmokeResult("embedded", reason, ended.exitCode(), ended.timedOut(), ended.elapsed(), judged.samples(),
                fingerprint, judged.findings());
    }

    /** What {@code mlexp smoke --check-artifact} reports: the timed forward pass, and an error when it is not finite. */
    public record ArtifactReport(EmbeddedTrainer.ArtifactCheck check, List<Finding> findings) {
        public ArtifactReport {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Loads a TorchScript file and times {@code runs} forward passes on a seeded batch of {@code inputShape}.
     *
     * @throws InvalidInputException when the file is missing or is not a model that takes that shape
     */
    public ArtifactReport checkArtifact(Path file, List<Integer> inputShape, int runs) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.of("smoke-artifact-missing", SourceLocation.of(file.toString()), "no such file");
        }
        var check = trainer.checkArtifact(file, inputShape, runs);
        var findings = check.finite() ? List.<Finding>of() : List.of(Finding.error("smoke-artifact-not-finite",
                SourceLocation.of(file.toString()), "the output for a batch of " + inputShape + " holds NaN or infinite values")
                .withHint("the weights are likely corrupted, or the model diverged before it was saved"));
        return new ArtifactReport(check, findings);
    }

    private static void write(Writer metrics, EmbeddedTrainer.Step step, int batchSize) {
        var samplesPerSecond = step.seconds() > 0 ? batchSize / step.seconds() : 0;
        try {
            metrics.write("{\"step\": " + step.step() + ", \"loss\": " + step.loss() + ", \"accuracy\": " + step.accuracy()
                    + ", \"samples_per_sec\": " + Math.round(samplesPerSecond * 10) / 10.0 + "}\n");
            metrics.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics: " + e.getMessage(), e);
        }
    }
}
