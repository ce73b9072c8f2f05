package io.mlexp.cli;

import picocli.CommandLine.Command;

@Command(name = "hooks", description = "Installs or removes the mlexp Git hooks in a repository.",
        subcommands = {HooksCommand.Install.class, HooksCommand.Uninstall.class})
final class HooksCommand {
    @Command(name = "install", description = "Installs commit-msg, pre-commit and pre-push hooks, chaining existing ones.")
    static final class Install extends MlexpSubcommand {
        @Override
        public Integer call() {
            throw notBuiltYet("mlexp hooks install", "the Git hooks");
        }
    }

    @Command(name = "uninstall", description = "Removes the mlexp hooks and restores what was there.")
    static final class Uninstall extends MlexpSubcommand {
        @Override
        public Integer call() {
            throw notBuiltYet("mlexp hooks uninstall", "the Git hooks");
        }
    }

    private HooksCommand() {
    }
}
