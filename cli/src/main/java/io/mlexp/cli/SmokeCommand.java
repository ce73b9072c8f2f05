package io.mlexp.cli;

import picocli.CommandLine.Command;

@Command(name = "smoke", description = "Runs the smoke training: a few steps of the team's own code, pinned.")
final class SmokeCommand extends MlexpSubcommand {
    @Override
    public Integer call() {
        throw notBuiltYet("mlexp smoke", "smoke training");
    }
}
