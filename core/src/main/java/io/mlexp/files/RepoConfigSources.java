package io.mlexp.files;

import io.mlexp.check.InvalidInputException;
import io.mlexp.config.ConfigSources;
import io.mlexp.util.TextFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The bases of training configs, read from a list of repository files (a revision, or what Git tracks). */
final class RepoConfigSources implements ConfigSources {
    private final Map<String, RepoFile> files = new LinkedHashMap<>();

    private RepoConfigSources(List<RepoFile> files) {
        files.forEach(file -> this.files.put(file.path(), file));
    }

    static ConfigSources of(List<RepoFile> files) {
        return new RepoConfigSources(files);
    }

    /** The files Git tracks in the working tree, listed on first use: a pre-commit check needs them only for a finding. */
    static ConfigSources workingTree(Path root) {
        return new ConfigSources() {
            private @Nullable ConfigSources tracked;

            private synchronized ConfigSources tracked() {
                if (tracked == null) {
                    try (var git = GitFiles.open(root)) {
                        tracked = of(git.tracked());
                    }
                }
                return tracked;
            }

            @Override
            public Optional<String> read(String path) {
                return tracked().read(path);
            }

            @Override
            public List<String> covered() {
                return tracked().covered();
            }
        };
    }

    @Override
    public Optional<String> read(String path) {
        var file = files.get(path);
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TextFiles.decodeUtf8(file.content().get(), path));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> covered() {
        return List.copyOf(files.keySet());
    }
}
