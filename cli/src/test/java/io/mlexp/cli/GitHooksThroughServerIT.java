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
        return Files.isDirectory(folder) && stateFile(folder).isPresent();
    }

    private static java.util.Optional<Path> stateFile(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("server-")
                    && !file.toString().endsWith(".lock")).findFirst();
        }
    }

    @Test
    void theServerSeesEveryNewCommitAndRepackOfARepositoryItKeepsOpen() throws Exception {
        var base = run(repo, "git", "rev-parse", "HEAD").output().strip();
        run(repo, "git", "commit", "-q", "--no-verify", "--allow-empty", "-m", "feat: one");
        assertThat(run(repo, MLEXP.toString(), "check", "commits", base + "..HEAD").output()).contains("checked 1 commit");

        run(repo, "git", "commit", "-q", "--no-verify", "--allow-empty", "-m", "feature: two");
        var second = run(repo, MLEXP.toString(), "check", "commits", base + "..HEAD");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.output()).contains("unknown type `feature`", "checked 2 commits");

        run(repo, "git", "gc", "-q", "--prune=now"); // the objects it had found loose are in a new pack now
        run(repo, "git", "commit", "-q", "--no-verify", "--allow-empty", "-m", "fix: three");
        var third = run(repo, MLEXP.toString(), "check", "commits", base + "..HEAD");
        assertThat(third.output()).contains("unknown type `feature`", "checked 3 commits");
    }

    /** Writes into the state file a port no server listens on, with a token; returns the port. */
    private static int nameADeadServer(Path state) throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Files.writeString(state, closedPort + " " + "0".repeat(48) + "\n");
        return closedPort;
    }

    @Test
    void aServerGoneWithoutATraceLeavesNoneInTheOutput() throws Exception {
        var state = stateFile(runtime.resolve("mlexp")).orElseThrow();
        nameADeadServer(state); // as a server killed with -9 leaves it
        Files.writeString(repo.resolve("MSG"), "feature: add training.\n");

        var result = run(repo, MLEXP.toString(), "check", "commit-msg", "MSG");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).startsWith("MSG:1:1: error: unknown type `feature`");
    }

    @Test
    void aServerKilledWithItsShellLeavesNoLockThatKeepsTheNextOneOut() throws Exception {
        var state = stateFile(runtime.resolve("mlexp")).orElseThrow();
        var lock = Path.of(state + ".lock");
        int closedPort = nameADeadServer(state); // as a reboot that kept ~/.cache leaves them
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(600)));

        assertThat(run(repo, MLEXP.toString(), "rules").exitCode()).as("runs alone, clears the traces").isZero();
        assertThat(run(repo, MLEXP.toString(), "rules").exitCode()).as("runs alone, starts a server").isZero();

        for (int i = 0; i < 600 && (!Files.exists(state) || Files.readString(state).startsWith(closedPort + " ")); i++) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(state)).as("a new server announced itself").doesNotStartWith(closedPort + " ");
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
