package io.mlexp.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a training config's bases are read from: the files of a revision, or the working tree for a pre-commit
 * check. Paths are repository-relative with {@code /} separators.
 */
public interface ConfigSources {
    /** The text of {@code path}; empty when there is no such file (or it cannot be read as text). */
    Optional<String> read(String path);

    /**
     * Every file of the repository (those Git tracks, or those of a revision): to find the configs that inherit a
     * file, and the images the repository builds.
     */
    List<String> covered();

    /** No other file: a config is judged alone. */
    ConfigSources NONE = of(Map.of(), path -> Optional.empty());

    static ConfigSources of(Map<String, ?> files, Function<String, Optional<String>> reader) {
        var paths = List.copyOf(files.keySet());
        return new ConfigSources() {
            @Override
            public Optional<String> read(String path) {
                return reader.apply(path);
            }

            @Override
            public List<String> covered() {
                return paths;
            }
        };
    }
}
