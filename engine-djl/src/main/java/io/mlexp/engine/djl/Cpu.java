package io.mlexp.engine.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The processor's model name, for the fingerprint. */
final class Cpu {
    private Cpu() {
    }

    static String name() {
        var cores = Runtime.getRuntime().availableProcessors() + " cores";
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip() + ", " + cores)
                    .findFirst()
                    .orElse(System.getProperty("os.arch") + ", " + cores);
        } catch (IOException | java.io.UncheckedIOException e) {
            return System.getProperty("os.arch") + ", " + cores;
        }
    }
}
