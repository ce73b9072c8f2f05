package io.mlexp.history;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The history in a directory: {@code history.jsonl}, one entry a line, only ever appended to.
 * A write is one line with its newline, forced to disk, under a lock on {@code history.lock}, so
 * writers on one machine take turns. A line torn by a killed writer is skipped with a warning when
 * read, and closed with a newline by the next append, so no earlier entry is ever lost.
 */
public final class History {
    public static final String FILE = "history.jsonl";
    private static final String LOCK = "history.lock";
    /** A longer line is no entry mlexp wrote: it is skipped without being held in memory. */
    static final int MAX_LINE_BYTES = 1024 * 1024;
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

    /**
     * Appends entries under the lock. One entry is one forced write; several (an import) land whole or not at all:
     * the history and the new lines are written to a temporary file that replaces the history in one rename. A
     * failed write (a full disk) leaves the history as it was. A history file that is a symbolic link is refused.
     */
    @SuppressWarnings("try") // the lock is held for the try block; nothing in it needs the lock object
    public void appendAll(List<HistoryEntry> entries) {
        var text = new StringBuilder();
        entries.forEach(entry -> text.append(HistoryFormat.write(entry)).append('\n'));
        var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(directory);
                refuseLink(directory.resolve(LOCK));
                refuseLink(file());
                try (var lock = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                        var ignored = lock.lock()) {
                    if (entries.size() == 1) {
                        appendInPlace(bytes);
                    } else {
                        replaceWhole(bytes);
                    }
                }
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    private void appendInPlace(byte[] bytes) throws IOException {
        try (var channel = FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            try {
                channel.position(size);
                if (size > 0 && !endsWithNewline(channel, size)) {
                    write(channel, new byte[] {'\n'}); // close a line torn by a killed writer
                }
                write(channel, bytes);
                channel.force(true);
            } catch (IOException e) {
                channel.truncate(size); // a full disk leaves no partial line behind
                throw e;
            }
        }
    }

    private void replaceWhole(byte[] bytes) throws IOException {
        // under the lock, a temporary file is what an import killed mid-way left
        try (var stale = Files.newDirectoryStream(directory, ".history-*.tmp")) {
            for (var file : stale) {
                Files.deleteIfExists(file);
            }
        }
        var temporary = Files.createTempFile(directory, ".history-", ".tmp");
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                if (Files.exists(file(), LinkOption.NOFOLLOW_LINKS)) {
                    try (var old = FileChannel.open(file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                        long size = old.size();
                        for (long done = 0; done < size; ) {
                            done += old.transferTo(done, size - done, channel);
                        }
                        if (size > 0 && !endsWithNewline(old, size)) {
                            write(channel, new byte[] {'\n'});
                        }
                    }
                }
                write(channel, bytes);
                channel.force(true);
            }
            Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void refuseLink(Path path) {
        if (Files.isSymbolicLink(path)) {
            throw InvalidInputException.of("path-escape", SourceLocation.of(path.toString()),
                    "is a symbolic link; mlexp writes the history only to a file of its own inside the repository");
        }
    }

    /** A write that failed, in words: a full disk, no permission, a read-only file system; the history is unchanged. */
    private RuntimeException failure(IOException e) {
        var message = String.valueOf(e.getMessage());
        String why;
        if (e instanceof AccessDeniedException || message.contains("Permission denied")) {
            why = "permission denied";
        } else if (message.contains("No space left on device")) {
            why = "the disk is full";
        } else if (message.contains("Read-only file system")) {
            why = "the file system is read-only";
        } else {
            why = "the write failed (" + message + ")";
        }
        return new EnvironmentException("cannot append to " + file() + ": " + why + "; the history is as it was before");
    }

    /** Every entry in the order written; unreadable lines become warnings naming file and line, and are skipped. */
    public Loaded read() {
        var entries = new ArrayList<HistoryEntry>();
        var warnings = new ArrayList<Finding>();
        if (!Files.exists(file(), LinkOption.NOFOLLOW_LINKS)) {
            return new Loaded(entries, warnings);
        }
        var name = file().toString();
        var lastProblem = new Finding[1];
        var lines = new int[1];
        TextFiles.forEachLine(file(), name, Long.MAX_VALUE, MAX_LINE_BYTES, (number, line) -> {
            lines[0] = number;
            flush(lastProblem, warnings);
            if (line.isBlank()) {
                return;
            }
            try {
                entries.add(HistoryFormat.read(line, SourceLocation.of(name, number)));
            } catch (InvalidInputException e) {
                lastProblem[0] = Finding.warning("history-entry", SourceLocation.of(name, number),
                        "skipped: " + e.findings().get(0).message());
            }
        }, (number, why) -> {
            lines[0] = number;
            flush(lastProblem, warnings);
            lastProblem[0] = Finding.warning("history-entry", SourceLocation.of(name, number), "skipped: " + why);
        });
        // the last line is only torn when the file does not end with its newline
        if (lastProblem[0] != null) {
            warnings.add(endsWithNewline() ? lastProblem[0] : Finding.warning("history-torn-line", SourceLocation.of(name, lines[0]),
                    "the last line is incomplete (a writer was stopped mid-line) and is skipped"));
        }
        return new Loaded(entries, warnings);
    }

    private static void flush(Finding[] problem, List<Finding> warnings) {
        if (problem[0] != null) {
            warnings.add(problem[0]);
            problem[0] = null;
        }
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
