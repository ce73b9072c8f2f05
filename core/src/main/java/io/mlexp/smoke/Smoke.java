package io.mlexp.smoke;

import io.mlexp.check.EnvironmentException;
import io.mlexp.config.SmokeConfig;
import io.mlexp.util.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chooses the engine and runs the smoke training with it. {@code auto} takes the container engine when
 * an image is set and its client answers within 3 s, else the local one when the command's interpreter
 * exists, else the embedded one. The choice and the reason are part of the result.
 */
public final class Smoke {
    /** Where a smoke run's metrics.jsonl and smoke.json go, relative to the repository, unless told otherwise. */
    public static final String OUTPUT = ".mlexp/smoke";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final Set<String> SHELL_BUILT_INS = Set.of("cd", "exec", "export", "set", ".", "source");

    private Smoke() {
    }

    public static SmokeResult run(SmokeConfig smoke, SmokeConfig.Engine engine, Path repository, Path output,
            Consumer<String> progress) {
        return switch (engine) {
            case CONTAINER -> new ContainerEngine(smoke.cli()).run(smoke, repository, output, "as chosen", progress);
            case LOCAL -> LocalEngine.run(smoke, repository, output, "as chosen", progress);
            case EMBEDDED -> EmbeddedEngine.installed().run(smoke, repository, output, "as chosen", progress);
            case AUTO -> auto(smoke, repository, output, progress);
        };
    }

    private static SmokeResult auto(SmokeConfig smoke, Path repository, Path output, Consumer<String> progress) {
        String container;
        if (smoke.image().isEmpty()) {
            container = "no smoke.image";
        } else if (answers(smoke.cli(), repository)) {
            return new ContainerEngine(smoke.cli()).run(smoke, repository, output,
                    "auto: " + smoke.cli() + " answered within 3 s", progress);
        } else {
            container = smoke.cli() + " did not answer within 3 s";
        }
        var interpreter = interpreter(smoke.command());
        if (interpreter.isPresent() && executable(interpreter.get(), repository)) {
            return LocalEngine.run(smoke, repository, output,
                    "auto: " + container + ", and " + interpreter.get() + " is here, so the local engine", progress);
        }
        var missing = interpreter.map(name -> name + " is not here").orElse("smoke.command is empty");
        if (!EmbeddedEngine.isInstalled()) {
            throw new EnvironmentException("auto found no engine: " + container + ", " + missing
                    + ", and the embedded engine is not installed");
        }
        return EmbeddedEngine.installed().run(smoke, repository, output,
                "auto: " + container + " and " + missing + ", so the embedded engine", progress);
    }

    /**
     * The program the command starts: its first word after variable assignments ({@code A=1 python ...});
     * {@code sh} itself for a command that starts with a shell built-in ({@code cd src && python ...}).
     */
    static Optional<String> interpreter(String command) {
        return java.util.Arrays.stream(command.strip().split("\\s+"))
                .filter(word -> !word.isEmpty() && !word.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
                .findFirst()
                .map(word -> SHELL_BUILT_INS.contains(word) ? "sh" : word);
    }

    /** Whether {@code program} runs from {@code directory}: a path to an executable, or a name on PATH. */
    static boolean executable(String program, Path directory) {
        if (program.contains("/")) {
            return Files.isExecutable(directory.resolve(program));
        }
        var path = Optional.ofNullable(Environment.get("PATH")).orElse("");
        for (var entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry).resolve(program))) {
                return true;
            }
        }
        return false;
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
