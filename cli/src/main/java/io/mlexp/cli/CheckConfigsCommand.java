package io.mlexp.cli;

import io.mlexp.files.ConfigsCheck;
import io.mlexp.files.GitFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "configs", description = {
    "Checks that the training configs of configs.required exist, parse, and hold every required key, and that",
    "requirements*.txt, environment.yml and pyproject.toml pin every dependency to one version.",
    "Reads the tracked files of the working tree, or the tree of --rev."})
final class CheckConfigsCommand extends MlexpSubcommand {
    @Option(names = "--rev", paramLabel = "REV", description = "Check the configs of this revision instead of the working tree.")
    String revision;

    @Override
    public Integer call() {
        var workspace = workspace();
        var config = loadConfig(workspace);
        try (var git = GitFiles.open(workspace.root())) {
            var files = revision == null ? git.tracked() : git.atRevision(revision);
            var result = ConfigsCheck.check(config, files, revision == null ? "working tree" : revision);
            int dependencyFiles = result.dependencyFiles().size();
            return report(config, result.findings(), "checked " + result.checked().size() + " training config"
                    + (result.checked().size() == 1 ? "" : "s") + (dependencyFiles == 0 ? ""
                            : " and " + dependencyFiles + " dependency file" + (dependencyFiles == 1 ? "" : "s")));
        }
    }
}
