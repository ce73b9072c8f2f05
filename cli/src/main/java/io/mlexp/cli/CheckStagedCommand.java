package io.mlexp.cli;

import picocli.CommandLine.Command;

@Command(name = "staged", description = {
    "Checks what is staged (added, modified, renamed) against HEAD, as the pre-commit hook does:",
    "forbidden paths, size, secrets, notebook outputs, Dockerfile images, and training configs."})
final class CheckStagedCommand extends MlexpSubcommand {
    @Override
    public Integer call() {
        return report(HookChecks.staged(workspace()), null);
    }
}
