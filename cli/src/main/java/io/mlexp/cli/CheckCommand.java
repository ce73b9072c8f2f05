package io.mlexp.cli;

import io.mlexp.run.RunJson;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "check", description = "Runs one check, as the hooks and CI do.",
        subcommands = {
            CheckCommand.Config.class,
            CheckCommitMsgCommand.class,
            CheckCommitsCommand.class,
            CheckStagedCommand.class,
            CheckConfigsCommand.class,
            CheckRecordCommand.class})
final class CheckCommand {
    @Command(name = "config", description = "Validates .mlexp.yml itself: keys, types, sizes, durations, globs, regexes, the image.")
    static final class Config extends MlexpSubcommand {
        @Override
        public Integer call() {
            var workspace = workspace();
            var config = loadConfig(workspace);
            if (json()) {
                out().println(RunJson.findings(List.of()));
            } else {
                out().println(colour("green", "ok") + ": " + workspace.configDisplayName() + " is valid (version "
                        + config.version() + ")");
            }
            return ExitCodes.OK;
        }
    }

    private CheckCommand() {
    }
}
