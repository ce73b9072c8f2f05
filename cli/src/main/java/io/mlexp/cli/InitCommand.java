package io.mlexp.cli;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.ConfigTemplate;
import io.mlexp.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;

@Command(name = "init", description = {
    "Writes .mlexp.yml with every default, commented, into the repository.",
    "Never overwrites an existing file."})
final class InitCommand extends MlexpSubcommand {
    @Override
    public Integer call() throws IOException {
        var workingDirectory = global().workingDirectory();
        var root = global().repo().map(workingDirectory::resolve)
                .orElseGet(() -> Workspace.gitRoot(workingDirectory).orElseThrow(() -> new EnvironmentException(
                        "not inside a Git repository (" + workingDirectory + "), where .mlexp.yml belongs: run 'git init'"
                                + " first, or name the repository with --repo DIR; nothing was written")));
        var workspace = Workspace.locate(workingDirectory, java.util.Optional.of(root), global().config());
        try {
            Files.writeString(workspace.configFile(), ConfigTemplate.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw InvalidInputException.of("init-exists", SourceLocation.of(workspace.configDisplayName()),
                    "already exists; mlexp init never overwrites it (check it with 'mlexp check config')", e);
        }
        out().println("Wrote " + workspace.configFile() + " with the defaults. Check it with 'mlexp check config'.");
        return ExitCodes.OK;
    }
}
