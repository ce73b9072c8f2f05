package io.mlexp.cli;

import io.mlexp.git.JGitEnvironment;
import io.mlexp.util.Environment;
import io.mlexp.util.ResidentJvm;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The resident mlexp: one JVM per user and distribution that answers the command lines of the hooks and the
 * read-only checks ({@link #SERVED}) which {@code bin/mlexp-client} sends it, in the client's working directory and
 * with the client's environment, so that a commit costs a local round trip rather than a JVM start. The launcher
 * starts it in the background the first time a served command runs without one (that command runs in its own JVM,
 * as every command did before), it answers one request at a time, and it exits after {@code idle} seconds without a
 * request, as soon as the distribution's jars change, or when its state file is gone.
 *
 * <p>It listens on 127.0.0.1 only, and answers only a client that presents the token it wrote, with the port, to a
 * state file only its user can read. A request is NUL-separated: {@value #PROTOCOL}, the token, the working
 * directory, the number of arguments, the arguments, then {@code NAME=value} environment entries up to an empty one.
 * The answer is records: {@code s} (started), {@code o N} or {@code e N} followed by N bytes of standard output or
 * error, and {@code x CODE}; or {@code r} alone: run it yourself.</p>
 */
final class CommandServer {
    static final String PROTOCOL = "mlexp-1";
    /** The first words of the command lines served: reads and checks that neither train nor prompt nor install. */
    static final Set<String> SERVED = Set.of("check", "history", "report", "rules", "experiments");
    private static final int MAX_FIELD_BYTES = 1 << 20;
    private static final int MAX_FIELDS = 100_000;
    private static final int REQUEST_TIMEOUT_MILLIS = 10_000;
    private static final SecureRandom TOKENS = new SecureRandom();
    private static final int WARM_UP_ROUNDS = 40;

    private final Path stateFile;
    private final Path libDir;
    private final String token;
    private final String jarsStamp;

    private CommandServer(Path stateFile, Path libDir, String token) {
        this.stateFile = stateFile;
        this.libDir = libDir;
        this.token = token;
        this.jarsStamp = jarsStamp(libDir);
    }

    /** {@code CommandServer STATE_FILE LIB_DIR IDLE_SECONDS}. */
    public static void main(String[] args) throws IOException {
        ResidentJvm.declare();
        WarmUp.forTheJit(WARM_UP_ROUNDS); // before it announces itself: until then commands run in JVMs of their own
        serve(Path.of(args[0]), Path.of(args[1]), Duration.ofSeconds(Integer.parseInt(args[2])));
        System.exit(0); // threads a command may have left (a git reader) must not keep the server alive
    }

    /** Serves until {@code idle} passes without a request, the jars change, or the state file stops naming it. */
    static void serve(Path stateFile, Path libDir, Duration idle) throws IOException {
        var bytes = new byte[24];
        TOKENS.nextBytes(bytes);
        var server = new CommandServer(stateFile, libDir, HexFormat.of().formatHex(bytes));
        JGitEnvironment.follow();
        try (var socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.announce(socket.getLocalPort());
            socket.setSoTimeout((int) Math.min(TICK.toMillis(), idle.toMillis()));
            server.serve(socket, idle);
        } finally {
            server.withdraw();
        }
    }

    private static final Duration TICK = Duration.ofSeconds(5);

    private void serve(ServerSocket socket, Duration idle) throws IOException {
        long lastRequest = System.nanoTime();
        while (System.nanoTime() - lastRequest < idle.toNanos() && named()) {
            try (var client = socket.accept()) {
                lastRequest = System.nanoTime();
                if (!answer(client)) {
                    return;
                }
            } catch (SocketTimeoutException tick) {
                // look at the clock and the state file again
            } catch (IOException e) {
                // a client that went away mid-request: the next one is served as usual
            }
        }
    }

    /** Whether the state file still names this server: another may have replaced it, or its folder may be gone. */
    private boolean named() {
        try {
            return Files.readString(stateFile, StandardCharsets.US_ASCII).contains(" " + token);
        } catch (IOException e) {
            return false;
        }
    }

    /** Answers one client; false when the server should stop (its jars changed, or a command exhausted it). */
    private boolean answer(Socket client) throws IOException {
        client.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
        var in = new BufferedInputStream(client.getInputStream());
        var reply = new BufferedOutputStream(client.getOutputStream(), 1 << 16);
        var request = Request.read(in);
        if (request.isEmpty() || !MessageDigest.isEqual(request.get().token().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return true; // not our client: say nothing
        }
        var args = request.get().args();
        boolean current = jarsStamp.equals(jarsStamp(libDir));
        if (!current || args.isEmpty() || !SERVED.contains(args.get(0))) {
            reply.write("r\n".getBytes(StandardCharsets.US_ASCII));
            reply.flush();
            return current;
        }
        client.setSoTimeout(0);
        reply.write("s\n".getBytes(StandardCharsets.US_ASCII));
        var records = new Records(reply);
        var out = records.stream('o');
        var err = records.stream('e');
        int exitCode;
        boolean keepServing = true;
        try {
            exitCode = Environment.with(request.get().environment(), () -> run(args, request.get().workingDirectory(), out, err));
        } catch (OutOfMemoryError | StackOverflowError e) {
            err.write((Main.exhausted(e) + "\n").getBytes(StandardCharsets.UTF_8));
            exitCode = ExitCodes.ENVIRONMENT;
            keepServing = !(e instanceof OutOfMemoryError);
        }
        records.send();
        reply.write(("x " + exitCode + "\n").getBytes(StandardCharsets.US_ASCII));
        reply.flush();
        return keepServing;
    }

    private static int run(List<String> args, Path workingDirectory, OutputStream out, OutputStream err) {
        var arguments = args.toArray(String[]::new);
        return HookEntry.run(arguments, workingDirectory, out, err).orElseGet(() -> {
            var commandLine = MlexpCommand.newCommandLine(workingDirectory);
            commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
            commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
            return commandLine.execute(arguments);
        });
    }

    /** Writes the port and the token where only this user can read them, replacing the file whole. */
    private void announce(int port) throws IOException {
        var folder = stateFile.toAbsolutePath().getParent();
        if (folder == null) {
            throw new IOException("the state file " + stateFile + " needs a folder");
        }
        Files.createDirectories(folder);
        var temporary = Files.createTempFile(folder, ".server", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, port + " " + token + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes the state file if it still names this server (a newer one may have replaced it). */
    private void withdraw() {
        try {
            if (named()) {
                Files.delete(stateFile);
            }
        } catch (IOException e) {
            // gone already
        }
    }

    /** The jars' names, sizes and times: a rebuild or an upgrade changes it, and the server then steps aside. */
    static String jarsStamp(Path libDir) {
        try (var jars = Files.list(libDir)) {
            return jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().map(jar -> {
                try {
                    return jar.getFileName() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
                } catch (IOException e) {
                    return jar.getFileName() + ":gone";
                }
            }).reduce("", (a, b) -> a + "," + b);
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** One client's request, read within the bounds above. */
    record Request(String token, Path workingDirectory, List<String> args, Map<String, String> environment) {
        static Optional<Request> read(InputStream in) throws IOException {
            var fields = new Fields(in);
            if (!PROTOCOL.equals(fields.next())) {
                return Optional.empty();
            }
            var token = fields.next();
            var directory = fields.next();
            var countText = fields.next();
            if (token == null || directory == null || countText == null || !countText.matches("\\d{1,6}")) {
                return Optional.empty();
            }
            int count = Integer.parseInt(countText);
            if (count > MAX_FIELDS) {
                return Optional.empty();
            }
            var args = new ArrayList<String>(count);
            for (int i = 0; i < count; i++) {
                var arg = fields.next();
                if (arg == null) {
                    return Optional.empty();
                }
                args.add(arg);
            }
            var environment = new LinkedHashMap<String, String>();
            for (var entry = fields.next(); entry != null && !entry.isEmpty(); entry = fields.next()) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return Optional.of(new Request(token, Path.of(directory), args, environment));
        }
    }

    /** NUL-terminated fields; null at the end of the stream, or past the bounds. */
    private static final class Fields {
        private final InputStream in;
        private int read;

        Fields(InputStream in) {
            this.in = in;
        }

        @Nullable String next() throws IOException {
            if (++read > MAX_FIELDS * 2) {
                return null;
            }
            var field = new ByteArrayOutputStream();
            for (int b = in.read(); b != 0; b = in.read()) {
                if (b < 0 || field.size() >= MAX_FIELD_BYTES) {
                    return null;
                }
                field.write(b);
            }
            return field.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * The command's standard output and error as {@code KIND LENGTH} records on the reply, in the order they were
     * written. Lines are gathered into records of up to 64 KiB, since the client reads a short record a byte at a time;
     * a flush sends what is gathered only once 100 ms have passed since the last record, so that a long command's
     * progress still shows as it comes.
     */
    private static final class Records {
        private static final int MAX_RECORD = 1 << 16;
        private static final long FLUSH_NANOS = 100_000_000L;

        private final OutputStream reply;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private char kind = 'o';
        private long sent = System.nanoTime();

        Records(OutputStream reply) {
            this.reply = reply;
        }

        OutputStream stream(char streamKind) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    gather(streamKind, bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    if (System.nanoTime() - sent > FLUSH_NANOS) {
                        send();
                    }
                }
            };
        }

        synchronized void gather(char streamKind, byte[] bytes, int offset, int length) throws IOException {
            if (streamKind != kind) {
                send();
                kind = streamKind;
            }
            pending.write(bytes, offset, length);
            if (pending.size() >= MAX_RECORD) {
                send();
            }
        }

        synchronized void send() throws IOException {
            if (pending.size() > 0) {
                reply.write((kind + " " + pending.size() + "\n").getBytes(StandardCharsets.US_ASCII));
                pending.writeTo(reply);
                pending.reset();
            }
            reply.flush();
            sent = System.nanoTime();
        }
    }
}
