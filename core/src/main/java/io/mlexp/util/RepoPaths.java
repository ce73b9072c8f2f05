package io.mlexp.util;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
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

    /**
     * {@code path}, the value of {@code key} written at {@code source}, resolved under {@code root}; it need
     * not exist yet, and is refused when it, or the nearest part of it that exists, leads outside {@code root}.
     */
    public static Path inside(Path root, SourceLocation source, String key, String path) {
        try {
            var realRoot = root.toRealPath();
            var resolved = realRoot.resolve(path).normalize();
            var existing = resolved;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (!resolved.startsWith(realRoot) || existing == null || !existing.toRealPath().startsWith(realRoot)) {
                throw InvalidInputException.of("path-escape", source,
                        key + ": '" + path + "' leads outside the repository" + (resolved.startsWith(realRoot) ? " through a symbolic link" : "")
                                + "; mlexp reads and writes only inside it");
            }
            return resolved;
        } catch (InvalidPathException e) {
            throw InvalidInputException.of("path-escape", source, key + ": '" + path + "' is not a valid path: " + e.getReason(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }

    /** The nearest directory at or above {@code start} that holds {@code .git} (a directory or a worktree file). */
    public static Optional<Path> enclosingWorkTree(Path start) {
        for (var dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a file that lies inside a Git work tree by its path but leads outside it through a symbolic link (a
     * committed link {@code record.md -> /etc/passwd}): nothing outside the repository is read. The file must exist.
     */
    public static void requireNoEscape(Path file, SourceLocation location) throws IOException {
        var absolute = file.toAbsolutePath().normalize();
        var parent = absolute.getParent();
        var tree = parent == null ? Optional.<Path>empty() : enclosingWorkTree(parent);
        if (tree.isPresent() && !absolute.toRealPath().startsWith(tree.get().toRealPath())) {
            throw InvalidInputException.of("path-escape", location,
                    "leads outside the repository through a symbolic link; mlexp reads and writes only inside it");
        }
    }
}
