package io.mlexp.cli;

import io.mlexp.hooks.HookInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hooks", description = "Installs or removes the mlexp Git hooks in a repository.",
        subcommands = {HooksCommand.Install.class, HooksCommand.Uninstall.class})
final class HooksCommand {
    @Command(name = "install", description = {
        "Installs the commit-msg, pre-commit and pre-push hooks (into core.hooksPath when it is set).",
        "An existing hook is kept and run first; installing again changes nothing."})
    static final class Install extends MlexpSubcommand {
        @Option(names = "--launcher", paramLabel = "PATH",
                description = "The mlexp command the hooks run (default: this mlexp's launcher).")
        String launcher;

        @Override
        public Integer call() {
            var root = repositoryRoot();
            var command = launcher != null ? launcher : System.getProperty("mlexp.launcher", "mlexp");
            new HookInstaller(command).install(root).forEach(out()::println);
            HookInstaller.recordBaseline(root).ifPresent(out()::println);
            out().println("The hooks run: " + command + ". Bypass them once with git commit --no-verify.");
            var config = global().config().map(global().workingDirectory()::resolve)
                    .orElse(root.resolve(io.mlexp.config.ConfigLoader.FILE_NAME));
            if (!java.nio.file.Files.exists(config)) {
                err().println("mlexp: there is no " + config + " yet, so the next commit will be refused: write one with"
                        + " 'mlexp init' (every default, commented), then commit it");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "uninstall", description = "Removes the mlexp hooks and puts back the hooks they chained.")
    static final class Uninstall extends MlexpSubcommand {
        @Override
        public Integer call() {
            HookInstaller.uninstall(repositoryRoot()).forEach(out()::println);
            return ExitCodes.OK;
        }
    }

    private HooksCommand() {
    }
}
