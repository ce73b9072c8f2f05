package io.mlexp.smoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fingerprint taken by the process that trained, whatever the command's shape ({@code cd dir && python main.py},
 * {@code A=1 python x.py}, {@code bash run.sh}, {@code torchrun}): a {@code sitecustomize.py} on {@code PYTHONPATH}
 * that every Python the command starts runs, which writes its interpreter's Python, and torch, CUDA, cuDNN, GPUs and
 * driver when the script imported torch, at exit. It imports nothing the script did not and runs the sitecustomize it
 * shadows. The process that imported torch speaks for the run; the first word's probe is the fallback.
 */
final class ProcessFingerprint {
    static final String PYTHON_DIRECTORY = ".python";
    static final String FINGERPRINTS_DIRECTORY = "fingerprints";
    static final String SOURCE_KEY = "fingerprint-source";

    private ProcessFingerprint() {
    }

    /** Writes the sitecustomize into {@code output}, clears the fingerprints of an earlier run; returns the python directory. */
    static Path install(Path output) {
        try {
            var python = Files.createDirectories(output.resolve(PYTHON_DIRECTORY));
            try (InputStream in = ProcessFingerprint.class.getResourceAsStream("python/sitecustomize.py")) {
                Files.write(python.resolve("sitecustomize.py"), in.readAllBytes());
            }
            var fingerprints = Files.createDirectories(output.resolve(FINGERPRINTS_DIRECTORY));
            try (var old = Files.newDirectoryStream(fingerprints, "fingerprint-*.json")) {
                for (var file : old) {
                    Files.deleteIfExists(file);
                }
            }
            return python;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the fingerprint in " + output + ": " + e.getMessage(), e);
        }
    }

    /** The environment of a local run: the sitecustomize first on PYTHONPATH, and where the fingerprints go. */
    static Map<String, String> environment(Path output, @Nullable String inheritedPythonPath) {
        var environment = new LinkedHashMap<String, String>();
        var python = output.resolve(PYTHON_DIRECTORY).toAbsolutePath().toString();
        environment.put("PYTHONPATH", inheritedPythonPath == null || inheritedPythonPath.isEmpty() ? python
                : python + java.io.File.pathSeparator + inheritedPythonPath);
        environment.put("MLEXP_FINGERPRINT_DIR", output.resolve(FINGERPRINTS_DIRECTORY).toAbsolutePath().toString());
        return environment;
    }

    /** The command in a container, with the sitecustomize of the mounted output directory first on PYTHONPATH. */
    static String inContainer(String command, String outputMount) {
        return "export PYTHONPATH=\"" + outputMount + "/" + PYTHON_DIRECTORY + "${PYTHONPATH:+:$PYTHONPATH}\" MLEXP_FINGERPRINT_DIR=\""
                + outputMount + "/" + FINGERPRINTS_DIRECTORY + "\"; " + command;
    }

    /** What the training processes wrote: the one that imported torch, else the last; empty when no Python ran. */
    static Optional<Map<String, String>> read(Path output) {
        var directory = output.resolve(FINGERPRINTS_DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        var found = new ArrayList<Map<String, String>>();
        try (var files = Files.newDirectoryStream(directory, "fingerprint-*.json")) {
            for (var file : files) {
                if (Files.isRegularFile(file) && Files.size(file) < 64 * 1024) {
                    Fingerprints.object(Files.readString(file, StandardCharsets.UTF_8)).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return found.stream().filter(values -> values.containsKey("torch")).findFirst()
                .or(() -> found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1)))
                .map(values -> {
                    var result = new LinkedHashMap<String, String>(values);
                    result.remove("argv0");
                    result.put(SOURCE_KEY, "the training process (" + values.getOrDefault("executable", "python") + ")");
                    return result;
                });
    }

    /** {@code fingerprint} with what the training process wrote laid over it, or marked as the probe's. */
    static Map<String, String> merged(Map<String, String> fingerprint, Path output, String probe) {
        var result = new LinkedHashMap<>(fingerprint);
        var fromProcess = read(output);
        if (fromProcess.isPresent()) {
            result.putAll(fromProcess.get());
        } else {
            result.put(SOURCE_KEY, probe);
        }
        return result;
    }
}
