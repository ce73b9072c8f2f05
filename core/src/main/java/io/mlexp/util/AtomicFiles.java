package io.mlexp.util;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/** Writes files so that a reader, or a crash, never leaves half of one behind. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} to a temporary file beside {@code file}, then renames it into place. */
    public static void replace(Path file, String text) {
        var directory = java.util.Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file lives in a folder");
        @Nullable Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + String.valueOf(file.getFileName()), ".tmp");
            readableByAll(temporary); // a temporary file is private; reports and records are for others to read
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** On POSIX file systems; elsewhere the file system's defaults already let others read. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Creates a directory of mlexp's outputs (a smoke run, a report) that Git leaves alone: a {@code .gitignore} of
     * {@code *} inside it keeps {@code git add -A} from committing what mlexp wrote. Returns the directory.
     */
    public static Path outputDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            var ignore = directory.resolve(".gitignore");
            if (!Files.exists(ignore, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                replace(ignore, "# written by mlexp: its outputs stay out of commits\n*\n");
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code file} with {@code text}; never replaces a file that exists. */
    public static void create(Path file, String text) {
        try {
            var directory = file.toAbsolutePath().getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw InvalidInputException.of("file-exists", SourceLocation.of(file.toString()), "exists already; nothing was written", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the temporary file is all that is left; the target is untouched
            }
        }
    }
}
