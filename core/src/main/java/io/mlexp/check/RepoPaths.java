package io.mlexp.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Resolves paths taken from untrusted input (records, configs) without leaving the repository. */
public final class RepoPaths {
    private RepoPaths() {
    }

    /**
     * The regular file at {@code path} under {@code root}; empty when there is none, or when the path
     * leaves the repository ({@code ../}, absolute, through a symbolic link).
     */
    public static Optional<Path> regularFileInside(Path root, String path) {
        try {
            var realRoot = root.toRealPath();
            var file = realRoot.resolve(path).normalize();
            if (!file.startsWith(realRoot) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(realRoot)) {
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (InvalidPathException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
