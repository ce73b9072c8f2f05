package io.mlexp.cli;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.ConfigAdvice;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import io.mlexp.run.RunJson;
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
            var warnings = ConfigAdvice.warnings(config, triggerPathsLocation(workspace));
            if (json()) {
                out().println(RunJson.findings(warnings));
            } else {
                reporter().printFindings(warnings);
                out().println(colour("green", "ok") + ": " + workspace.configDisplayName() + " is valid (version "
                        + config.version() + ")" + (warnings.isEmpty() ? "" : ", with " + warnings.size() + " warning(s)"));
            }
            return ExitCodes.OK;
        }

        /** Where record.trigger-paths is written, or the file itself when it is not. */
        private static SourceLocation triggerPathsLocation(io.mlexp.workspace.Workspace workspace) {
            var file = SourceLocation.of(workspace.configDisplayName());
            try {
                var document = new YamlReader().read(workspace.configFile(), workspace.configDisplayName());
                return document.root().filter(root -> root instanceof YamlMapping).map(root -> (YamlMapping) root)
                        .flatMap(root -> root.find("record.trigger-paths")).map(node -> node.location()).orElse(file);
            } catch (InvalidInputException e) {
                return file;
            }
        }
    }

    private CheckCommand() {
    }
}
