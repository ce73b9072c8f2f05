package io.mlexp.smoke;

import io.mlexp.check.EnvironmentException;
import io.mlexp.config.SmokeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Chooses the engine ({@code auto}: the container engine when its client answers within 3 s and an
 * image is set, else the local one) and runs the smoke training with it. The choice and the reason
 * are part of the result.
 */
public final class Smoke {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private Smoke() {
    }

    public static SmokeResult run(SmokeConfig smoke, SmokeConfig.Engine engine, Path repository, Path output,
            Consumer<String> progress) {
        return switch (engine) {
            case CONTAINER -> new ContainerEngine(smoke.cli()).run(smoke, repository, output, "engine: container", progress);
            case LOCAL -> LocalEngine.run(smoke, repository, output, "engine: local", progress);
            case EMBEDDED -> throw new EnvironmentException("the embedded engine is not available yet: this version of"
                    + " mlexp does not have the DJL engine yet");
            case AUTO -> auto(smoke, repository, output, progress);
        };
    }

    private static SmokeResult auto(SmokeConfig smoke, Path repository, Path output, Consumer<String> progress) {
        if (smoke.image().isEmpty()) {
            return LocalEngine.run(smoke, repository, output, "auto: no smoke.image, so the local engine", progress);
        }
        var answered = answers(smoke.cli(), repository);
        if (answered) {
            return new ContainerEngine(smoke.cli()).run(smoke, repository, output,
                    "auto: " + smoke.cli() + " answered within 3 s", progress);
        }
        return LocalEngine.run(smoke, repository, output,
                "auto: " + smoke.cli() + " did not answer within 3 s, so the local engine", progress);
    }

    private static boolean answers(String client, Path repository) {
        try {
            var ended = ProcessRun.run(List.of(client, "version", "--format", "{{.Server.Version}}"), repository, Map.of(),
                    ANSWER_WITHIN, line -> { });
            return !ended.timedOut() && ended.exitCode() == 0;
        } catch (EnvironmentException e) {
            return false; // no client installed
        }
    }
}
