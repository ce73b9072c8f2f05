package io.mlexp.cli;

import io.mlexp.check.EnvironmentException;
import io.mlexp.config.MlexpConfig;
import io.mlexp.history.History;
import io.mlexp.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --history DIR}, shared by the history and report commands; outside a repository it is required. */
final class HistoryOptions {
    @Option(names = "--history", paramLabel = "DIR",
            description = "The history directory (default: publish.history of .mlexp.yml). Given, no repository is needed.")
    Path history;

    /** Where the history is, and the repository and config when there is one. */
    record Located(History history, Path directory, Optional<Workspace> workspace, Optional<MlexpConfig> config) {
    }

    Located locate(MlexpSubcommand command) {
        Optional<Workspace> workspace;
        try {
            workspace = Optional.of(command.workspace());
        } catch (EnvironmentException e) {
            if (history == null) {
                throw new EnvironmentException(e.getMessage() + "; outside a repository, name the history with --history DIR", e);
            }
            workspace = Optional.empty();
        }
        var config = workspace.filter(w -> Files.exists(w.configFile())).map(Workspace::loadConfig);
        var directory = history != null ? command.global().workingDirectory().resolve(history)
                : config.orElseGet(MlexpConfig::defaults).historyDirectory(workspace.get().root());
        return new Located(History.at(directory), directory, workspace, config);
    }
}
