package io.mlexp.history;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history in a directory: {@code history.jsonl}, one entry a line, only ever appended to.
 * A write is one line with its newline, forced to disk, under a lock on {@code history.lock}, so
 * writers on one machine take turns. A line torn by a killed writer is skipped with a warning when
 * read, and closed with a newline by the next append, so no earlier entry is ever lost.
 */
public final class History {
    public static final String FILE = "history.jsonl";
    private static final String LOCK = "history.lock";
    /** Writers in one JVM: a file lock is held per process, so threads queue here first. */
    private static final Object IN_PROCESS = new Object();

    /** The entries read, and what was skipped. */
    public record Loaded(List<HistoryEntry> entries, List<Finding> warnings) {
        public Loaded {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    private final Path directory;

    private History(Path directory) {
        this.directory = directory;
    }

    public static History at(Path directory) {
        return new History(directory);
    }

    public Path file() {
        return directory.resolve(FILE);
    }

    public void append(HistoryEntry entry) {
        appendAll(List.of(entry));
    }

    /** Appends entries in one locked write (an import either lands whole or, if killed, as a torn tail). */
    public void appendAll(List<HistoryEntry> entries) {
        var text = new StringBuilder();
        entries.forEach(entry -> text.append(HistoryFormat.write(entry)).append('\n'));
        var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(directory);
                try (var lock = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        var held = lock.lock();
                        var channel = FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE)) {
                    long size = channel.size();
                    channel.position(size);
                    if (size > 0 && !endsWithNewline(channel, size)) {
                        write(channel, new byte[] {'\n'}); // close a line torn by a killed writer
                    }
                    write(channel, bytes);
                    channel.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every entry in the order written; unreadable lines become warnings naming file and line. */
    public Loaded read() {
        var entries = new ArrayList<HistoryEntry>();
        var warnings = new ArrayList<Finding>();
        if (!Files.exists(file())) {
            return new Loaded(entries, warnings);
        }
        var name = file().toString();
        int lastLine = 0;
        Optional<Finding> lastProblem = Optional.empty();
        try (BufferedReader reader = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                lastLine++;
                lastProblem.ifPresent(warnings::add);
                lastProblem = Optional.empty();
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(HistoryFormat.read(line, SourceLocation.of(name, lastLine)));
                } catch (InvalidInputException e) {
                    lastProblem = Optional.of(Finding.warning("history-entry", SourceLocation.of(name, lastLine),
                            "skipped: " + e.findings().get(0).message()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file() + ": " + e.getMessage(), e);
        }
        // the last line is only torn when the file does not end with its newline
        var last = lastLine;
        lastProblem.map(problem -> endsWithNewline() ? problem : Finding.warning("history-torn-line",
                SourceLocation.of(name, last), "the last line is incomplete (a writer was stopped mid-line) and is skipped"))
                .ifPresent(warnings::add);
        return new Loaded(entries, warnings);
    }

    private boolean endsWithNewline() {
        try (var channel = FileChannel.open(file(), StandardOpenOption.READ)) {
            long size = channel.size();
            return size == 0 || endsWithNewline(channel, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file() + ": " + e.getMessage(), e);
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        var last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        var buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
