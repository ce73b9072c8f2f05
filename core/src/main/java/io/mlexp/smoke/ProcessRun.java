package io.mlexp.smoke;

import io.mlexp.check.EnvironmentException;
import io.mlexp.util.Environment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one command as an argument list (never a shell string of ours), streams its output line by
 * line as it comes, and on timeout or interrupt kills it with everything it started.
 */
final class ProcessRun {
    /** How a process ended. */
    record Ended(int exitCode, boolean timedOut, Duration elapsed) {
    }

    private ProcessRun() {
    }

    static Ended run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
            Consumer<String> output) {
        var builder = Environment.applyTo(new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot start '" + command.get(0) + "': " + e.getMessage(), e);
        }
        var reader = new Thread(() -> stream(process, output), "smoke-output");
        reader.start();
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
            return new Ended(finished ? process.exitValue() : -1, !finished, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted; the smoke run was stopped", e);
        }
    }

    private static void stream(Process process, Consumer<String> output) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                output.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
