package io.mlexp.cli;

import io.mlexp.files.FileRules;
import io.mlexp.files.GitFiles;
import picocli.CommandLine.Command;

@Command(name = "staged", description = {
    "Checks what is staged (added, modified, renamed) against HEAD, as the pre-commit hook does:",
    "forbidden paths, size, secrets, notebook outputs, Dockerfile images, and training configs."})
final class CheckStagedCommand extends MlexpSubcommand {
    @Override
    public Integer call() {
        var workspace = workspace();
        var config = loadConfig(workspace);
        try (var git = GitFiles.open(workspace.root())) {
            return report(new FileRules(config).check(git.staged()), null);
        }
    }
}
