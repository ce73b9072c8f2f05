package io.mlexp.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Docker engine for tests: dockerd on its own socket, data root and exec root, with
 * {@code --iptables=false --bridge=none}, and a test image imported from a busybox-static root file
 * system. {@link #start} says why when it cannot run here (not root, no dockerd, no static busybox).
 */
final class DockerDaemon implements AutoCloseable {
    static final String IMAGE = "mlexp-test/busybox:1.36";

    /** A daemon, or the reason there is none. */
    record Started(DockerDaemon daemon, String whyNot) {
    }

    private final Path directory;
    private final Process process;
    private final Path client;

    private DockerDaemon(Path directory, Process process, Path client) {
        this.directory = directory;
        this.process = process;
        this.client = client;
    }

    static Started start() {
        try {
            var dockerd = onPath("dockerd");
            if (dockerd == null || onPath("docker") == null) {
                return new Started(null, "no Docker engine here: dockerd and docker are not installed (Debian: apt-get install docker.io)");
            }
            if (!"0".equals(run(List.of("id", "-u")).strip())) {
                return new Started(null, "dockerd needs root, and these tests do not run as root");
            }
            var busybox = Path.of("/bin/busybox");
            if (!Files.isRegularFile(busybox) || !run(List.of("sh", "-c", "ldd /bin/busybox 2>&1 || true")).contains("not a dynamic")) {
                return new Started(null, "no static busybox for the test image (Debian: apt-get install busybox-static)");
            }
            var directory = Files.createTempDirectory(Path.of("/tmp"), "mlexp-dockerd-");
            var socket = directory.resolve("d.sock");
            var process = new ProcessBuilder(dockerd.toString(), "--host", "unix://" + socket,
                    "--data-root", directory.resolve("data").toString(), "--exec-root", directory.resolve("exec").toString(),
                    "--pidfile", directory.resolve("d.pid").toString(), "--iptables=false", "--bridge=none")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("dockerd.log").toFile()).start();
            var client = directory.resolve("docker");
            Files.writeString(client, "#!/bin/sh\nexec docker -H unix://" + socket + " \"$@\"\n");
            Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rwxr-xr-x"));
            var daemon = new DockerDaemon(directory, process, client);
            for (int attempt = 0; attempt < 60 && !daemon.answers(); attempt++) {
                if (!process.isAlive()) {
                    daemon.close();
                    return new Started(null, "dockerd did not start: " + Files.readString(directory.resolve("dockerd.log")).strip());
                }
                Thread.sleep(500);
            }
            if (!daemon.answers()) {
                daemon.close();
                return new Started(null, "dockerd did not answer within 30 s");
            }
            daemon.importImage(busybox);
            return new Started(daemon, null);
        } catch (IOException | InterruptedException e) {
            return new Started(null, "cannot start dockerd: " + e.getMessage());
        }
    }

    /** The docker client bound to this daemon's socket, as a command to hand to the engine. */
    Path client() {
        return client;
    }

    /** What {@code docker ps -a} lists: every container, running or not, by name. */
    List<String> containers() throws IOException, InterruptedException {
        return run(List.of(client.toString(), "ps", "-a", "--format", "{{.Names}}")).lines().filter(line -> !line.isBlank()).toList();
    }

    private boolean answers() throws IOException, InterruptedException {
        var process = new ProcessBuilder(client.toString(), "version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private void importImage(Path busybox) throws IOException, InterruptedException {
        var root = Files.createDirectories(directory.resolve("rootfs"));
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("tmp"));
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (var tool : List.of("sh", "echo", "cat", "sleep", "printf", "seq", "ls", "date")) {
            Files.createSymbolicLink(root.resolve("bin").resolve(tool), Path.of("busybox"));
        }
        var tar = directory.resolve("rootfs.tar");
        run(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."));
        run(List.of(client.toString(), "import", tar.toString(), IMAGE));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            run(List.of("rm", "-rf", directory.toString()));
        } catch (IOException | InterruptedException e) {
            // a daemon that would not stop leaves its temporary directory; nothing else depends on it
        }
    }

    private static Path onPath(String program) {
        for (var entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            var candidate = Path.of(entry.isEmpty() ? "." : entry).resolve(program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (var directory : List.of("/usr/sbin", "/usr/bin", "/sbin")) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return Path.of(directory, program);
            }
        }
        return null;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not end");
        }
        return output;
    }
}
