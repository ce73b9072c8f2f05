package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident server as bin/mlexp-client speaks to it: it answers a hook's command line in the client's directory
 * and environment exactly as a JVM of its own would, answers only its token, leaves what it does not serve to the
 * client, and steps aside when the jars change.
 */
class CommandServerTest {
    private static final PersonIdent ADA = new PersonIdent("Ada", "ada@example.org");

    @TempDir
    Path temp;
    private Path state;
    private Path lib;
    private Thread server;

    /** What one request got back. */
    record Answer(String first, int exitCode, String out, String err) {
    }

    @BeforeEach
    void startServer() throws Exception {
        state = temp.resolve("run/server-test");
        lib = Files.createDirectories(temp.resolve("lib"));
        Files.writeString(lib.resolve("mlexp-cli.jar"), "classes");
        server = new Thread(() -> {
            try {
                CommandServer.serve(state, lib, Duration.ofSeconds(60));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "command-server");
        server.start();
        for (int i = 0; i < 200 && !Files.exists(state); i++) {
            Thread.sleep(25);
        }
        assertThat(state).exists();
    }

    @AfterEach
    void stopServer() throws Exception {
        Files.deleteIfExists(state);
        server.join(Duration.ofSeconds(10).toMillis());
    }

    @Test
    void answersAHookAsItsOwnJvmWouldInTheClientsDirectory() throws Exception {
        var repo = repository("feature: add the loader.\n");

        var answer = ask(repo, Map.of(), "check", "commits", "start..main");
        var alone = CommandRun.in(repo, "check", "commits", "start..main");

        assertThat(answer.first()).isEqualTo("s");
        assertThat(answer.exitCode()).isEqualTo(1).isEqualTo(alone.exitCode());
        assertThat(answer.out()).isEqualTo(alone.out()).contains("[commit-type]");
        assertThat(ask(repo, Map.of(), "check", "commits", "start..start").out()).isEqualTo("checked 0 commits: ok\n");
    }

    @Test
    void eachRequestRunsWithTheClientsEnvironment() throws Exception {
        var repo = repository("feature: add the loader.\n");

        var terminal = ask(repo, Map.of(Terminal.STDOUT_IS_TERMINAL, "1", "TERM", "xterm"), "check", "commits", "start..main");
        var pipe = ask(repo, Map.of("TERM", "xterm"), "check", "commits", "start..main");
        var noColour = ask(repo, Map.of(Terminal.STDOUT_IS_TERMINAL, "1", "TERM", "xterm", "NO_COLOR", "1"), "check", "commits",
                "start..main");

        assertThat(terminal.out()).contains("\u001b[");
        assertThat(pipe.out()).doesNotContain("\u001b[");
        assertThat(noColour.out()).doesNotContain("\u001b[");
    }

    @Test
    void theStateFileIsTheUsersAloneAndAWrongTokenGetsNoAnswer() throws Exception {
        assertThat(Files.getPosixFilePermissions(state)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        var parts = Files.readString(state).strip().split(" ");
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0]))) {
            socket.getOutputStream().write(fields(List.of(CommandServer.PROTOCOL, "not-the-token", temp.toString(), "1", "rules", "")));
            socket.getOutputStream().flush();
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void leavesWhatItDoesNotServeToTheClient() throws Exception {
        assertThat(ask(temp, Map.of(), "init").first()).isEqualTo("r");
        assertThat(ask(temp, Map.of(), "smoke").first()).isEqualTo("r");
        assertThat(ask(temp, Map.of(), "rules").out()).contains("commit-wip");
    }

    @Test
    void stepsAsideWhenTheJarsChange() throws Exception {
        Files.writeString(lib.resolve("mlexp-cli.jar"), "rebuilt classes");

        assertThat(ask(temp, Map.of(), "rules").first()).isEqualTo("r");
        server.join(Duration.ofSeconds(10).toMillis());
        assertThat(server.isAlive()).isFalse();
        assertThat(state).doesNotExist();
    }

    private Path repository(String message) throws Exception {
        var repo = Files.createDirectories(temp.resolve("repo"));
        try (var git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
            git.add().addFilepattern(".mlexp.yml").call();
            git.commit().setMessage("chore: add mlexp rules").setAuthor(ADA).setCommitter(ADA).setSign(false).call();
            git.tag().setName("start").call();
            git.commit().setMessage(message).setAuthor(ADA).setCommitter(ADA).setSign(false).call();
        }
        return repo;
    }

    /** The request bin/mlexp-client sends, and the records it reads back. */
    private Answer ask(Path directory, Map<String, String> environment, String... args) throws IOException {
        var parts = Files.readString(state).strip().split(" ");
        var request = new ArrayList<>(List.of(CommandServer.PROTOCOL, parts[1], directory.toString(), String.valueOf(args.length)));
        request.addAll(List.of(args));
        environment.forEach((name, value) -> request.add(name + "=" + value));
        request.add("");
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0]))) {
            socket.getOutputStream().write(fields(request));
            socket.getOutputStream().flush();
            var in = new DataInputStream(socket.getInputStream());
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            String first = null;
            for (var line = line(in); line != null; line = line(in)) {
                var record = line.split(" ");
                first = first == null ? record[0] : first;
                switch (record[0]) {
                    case "s" -> {
                        // started
                    }
                    case "o", "e" -> (record[0].equals("o") ? out : err).write(in.readNBytes(Integer.parseInt(record[1])));
                    case "x" -> {
                        return new Answer(first, Integer.parseInt(record[1]), out.toString(StandardCharsets.UTF_8),
                                err.toString(StandardCharsets.UTF_8));
                    }
                    default -> {
                        return new Answer(first, -1, "", "");
                    }
                }
            }
            return new Answer(String.valueOf(first), -1, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static byte[] fields(List<String> values) {
        var bytes = new ByteArrayOutputStream();
        for (var value : values) {
            bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        return bytes.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
