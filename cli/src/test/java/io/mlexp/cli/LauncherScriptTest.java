package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./mlexp launcher at the repository root, run as a user would, from another directory. */
class LauncherScriptTest {
    private static final Path LAUNCHER = Path.of("..", "mlexp").toAbsolutePath().normalize();

    @Test
    void shouldSayClearlyThatJavaIsMissing(@TempDir Path elsewhere) throws Exception {
        var bin = java.nio.file.Files.createDirectory(elsewhere.resolve("bin"));
        for (var tool : new String[] {"dirname", "sed", "head", "find", "tail", "touch"}) {
            java.nio.file.Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        var process = new ProcessBuilder("/bin/sh", LAUNCHER.toString(), "--version")
                .directory(elsewhere.toFile())
                .redirectErrorStream(true);
        process.environment().remove("JAVA_HOME");
        process.environment().put("PATH", bin.toString());
        var running = process.start();
        var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).isEqualTo(3);
        assertThat(output).startsWith("mlexp: Java 17 or newer is needed and none was found.");
    }
}
