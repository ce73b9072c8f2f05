package io.mlexp.git;

import io.mlexp.check.EnvironmentException;
import io.mlexp.util.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the {@code git} command of the user's PATH in a repository, the way Git runs our hooks. */
public final class GitCommand {
    private GitCommand() {
    }

    /** {@code git ARGS} running with nothing on its standard input, for {@link #output(Process, Path, String...)}. */
    public static Process startReading(Path root, String... args) {
        var process = start(root, ProcessBuilder.Redirect.PIPE, args);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing was written; git reads no input
        }
        return process;
    }

    /** The standard output of {@code process}, started as {@code git ARGS} in {@code root}, once it has exited well. */
    public static byte[] output(Process process, Path root, String... args) {
        try (var stdout = process.getInputStream(); var stderr = process.getErrorStream()) {
            var output = stdout.readAllBytes();
            var error = new String(stderr.readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = process.waitFor();
            if (status != 0) {
                throw new EnvironmentException("'git " + String.join(" ", args) + "' failed in " + root
                        + (error.isEmpty() ? " (exit " + status + ")" : ": " + error));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read from git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while git ran", e);
        }
    }

    /** {@code git ARGS} running; {@code errors} says where its standard error goes. */
    public static Process start(Path root, ProcessBuilder.Redirect errors, String... args) {
        try {
            return command(root, args).redirectError(errors).start();
        } catch (IOException e) {
            throw new EnvironmentException("this check runs the git command, which cannot start: " + e.getMessage()
                    + ". Install Git, or put it on PATH", e);
        }
    }

    /**
     * {@code git ARGS} running with nothing on its standard input and its standard error discarded, or
     * empty where no git can start: for callers that can do the work another way.
     */
    public static Optional<Process> startIfInstalled(Path root, String... args) {
        try {
            var process = command(root, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            return Optional.of(process);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ProcessBuilder command(Path root, String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("git");
        command.addAll(List.of(args));
        return Environment.applyTo(new ProcessBuilder(command).directory(root.toFile()));
    }
}
