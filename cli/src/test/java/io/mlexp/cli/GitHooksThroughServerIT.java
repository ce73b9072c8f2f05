package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every commit and push of {@link GitHooksIT} again, with the hooks answered by the resident server
 * ({@link CommandServer}) as users get them after their first commit: the temporary index of {@code git commit -a}, the
 * comment character, the chained hooks and the refusals must all come out the same.
 */
class GitHooksThroughServerIT extends GitHooksIT {
    @TempDir
    Path runtime;

    @Override
    Map<String, String> launcherEnvironment() {
        return Map.of("XDG_RUNTIME_DIR", runtime.toString(), "MLEXP_SERVER_IDLE", "60");
    }

    @BeforeEach
    void startTheServer() throws Exception {
        assertThat(run(repo, MLEXP.toString(), "rules").exitCode()).isZero(); // runs alone, and starts the server
        var folder = runtime.resolve("mlexp");
        for (int i = 0; i < 300 && !hasState(folder); i++) {
            Thread.sleep(50);
        }
        assertThat(hasState(folder)).as("the server announced itself in %s", folder).isTrue();
    }

    private static boolean hasState(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith("server-") && !file.toString().endsWith(".lock"));
        }
    }

    @Test
    void theServerAnswersWhereNoJvmOfItsOwnCouldStart() throws Exception {
        Files.writeString(repo.resolve("MSG"), "feature: add training.\n");
        var broken = new HashMap<>(Map.of("MLEXP_JAVA_OPTS", "-XX:+NoSuchOptionAnywhere"));

        var answered = run(repo, broken, MLEXP.toString(), "check", "commit-msg", "MSG");
        var alone = run(repo, broken, MLEXP.toString(), "init", "--help");

        assertThat(answered.exitCode()).isEqualTo(1);
        assertThat(answered.output()).startsWith("MSG:1:1: error: unknown type `feature`");
        assertThat(alone.output()).as("a command the server leaves alone starts its own JVM").contains("Unrecognized VM option");
    }
}
