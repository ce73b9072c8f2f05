package io.mlexp.workspace;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.MlexpConfig;
import io.mlexp.util.RepoPaths;
import io.mlexp.util.TextFiles;
import io.mlexp.yaml.YamlLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository mlexp works on and its config file. The root defaults to the Git root of the
 * working directory, found by walking up to the nearest {@code .git} (no Git library is loaded for
 * that: hooks start often and must start fast).
 */
public record Workspace(Path root, Path configFile) {
    public Workspace {
        root = root.toAbsolutePath().normalize();
        configFile = configFile.toAbsolutePath().normalize();
    }

    /**
     * Resolves the workspace from the options a user gave.
     *
     * @param workingDirectory where the command runs
     * @param repo             {@code --repo}, if given
     * @param config           {@code --config}, if given (relative to the working directory)
     */
    public static Workspace locate(Path workingDirectory, Optional<Path> repo, Optional<Path> config) {
        Path root;
        if (repo.isPresent()) {
            root = workingDirectory.resolve(repo.get());
            if (!Files.isDirectory(root)) {
                throw InvalidInputException.of("repo-missing", SourceLocation.of(repo.get().toString()),
                        "--repo names no directory");
            }
        } else {
            root = gitRoot(workingDirectory).orElseThrow(() -> new EnvironmentException(
                    "not inside a Git repository (" + workingDirectory.toAbsolutePath()
                            + "); run mlexp in your repository or pass --repo DIR"));
        }
        var configFile = config.map(workingDirectory::resolve).orElse(root.resolve(ConfigLoader.FILE_NAME));
        return new Workspace(root, configFile);
    }

    /** The nearest directory at or above {@code start} that holds {@code .git} (a directory or a worktree file). */
    public static Optional<Path> gitRoot(Path start) {
        return RepoPaths.enclosingWorkTree(start);
    }

    /** How messages name the config file: relative to the repository when it lies inside it. */
    public String configDisplayName() {
        return configFile.startsWith(root) ? root.relativize(configFile).toString() : configFile.toString();
    }

    /** Loads the config; a missing file is bad input (exit 2) that says how to create one. */
    public MlexpConfig loadConfig() {
        requireConfig();
        return new ConfigLoader().load(configFile, configDisplayName());
    }

    /**
     * The config file's text, read once, for a caller that must judge later with the rules as they were now (a CI
     * whose training command runs with the repository writable); {@link #loadConfig(String)} binds it.
     */
    public String configSource() {
        requireConfig();
        return TextFiles.readUtf8(configFile, configDisplayName(), YamlLimits.DEFAULT.maxBytes());
    }

    /** The config from text read earlier by {@link #configSource()}; messages name the config file as usual. */
    public MlexpConfig loadConfig(String source) {
        return new ConfigLoader().parse(source, configDisplayName());
    }

    private void requireConfig() {
        if (!Files.exists(configFile)) {
            throw InvalidInputException.of("config-missing", SourceLocation.of(configDisplayName()),
                    "no mlexp config here; run 'mlexp init' to write one with the defaults");
        }
    }
}
