package io.mlexp.record;

import io.mlexp.files.RepoFile;
import io.mlexp.util.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the files a record names, by repository path, from the working tree or from a revision.
 * Records are untrusted: a path that leaves the repository ({@code ../}, absolute, through a
 * symbolic link) reads as missing.
 */
public interface RepoReader {
    Optional<byte[]> read(String repositoryPath);

    static RepoReader workingTree(Path root) {
        return path -> RepoPaths.regularFileInside(root, path).map(file -> {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
        });
    }

    /** The files of a revision, as {@link io.mlexp.files.GitFiles#atRevision} lists them. */
    static RepoReader of(List<RepoFile> files) {
        Map<String, RepoFile> byPath = files.stream().collect(Collectors.toMap(RepoFile::path, Function.identity(), (a, b) -> a));
        return path -> {
            var normal = Path.of(path).normalize();
            if (normal.isAbsolute() || normal.startsWith("..")) {
                return Optional.empty(); // outside the repository, as in the working tree
            }
            return Optional.ofNullable(byPath.get(normal.toString().replace('\\', '/'))).map(file -> file.content().get());
        };
    }
}
