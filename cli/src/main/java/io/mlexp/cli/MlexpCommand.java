package io.mlexp.cli;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "mlexp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Keeps PyTorch teams reproducible: one .mlexp.yml rule set for commit messages, staged files, "
                    + "training configs, experiment records, smoke training and published metrics.",
            "",
            "Start with 'mlexp demo' to see every stage on a bundled example."},
        subcommands = {
            InitCommand.class,
            CheckCommand.class,
            RecordCommand.class,
            SmokeCommand.class,
            ReportCommand.class,
            HistoryCommand.class,
            RunCommand.class,
            DemoCommand.class,
            HooksCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed",
            "1:a check found violations",
            "2:bad input or configuration (message with file:line:column)",
            "3:the environment cannot run the check (no Docker engine, missing history, not built yet)"},
        footer = {"", "Documentation: README.md and docs/ of https://github.com/mlexp/mlexp"})
final class MlexpCommand implements Runnable {
    @Option(names = "--repo", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The repository to check (default: the Git root of the working directory).")
    Path repo;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The rules file (default: <repo>/.mlexp.yml).")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output (NO_COLOR does the same).")
    boolean noColor;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of internal errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Path workingDirectory;

    private MlexpCommand(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Optional<Path> repo() {
        return Optional.ofNullable(repo);
    }

    Optional<Path> config() {
        return Optional.ofNullable(config);
    }

    static CommandLine newCommandLine() {
        return newCommandLine(Path.of(""));
    }

    /** The command line as run from {@code workingDirectory}; tests pass a temporary directory. */
    static CommandLine newCommandLine(Path workingDirectory) {
        var root = new MlexpCommand(workingDirectory);
        var commandLine = new CommandLine(root);
        commandLine.setExecutionExceptionHandler(MlexpCommand::handle);
        commandLine.setExecutionStrategy(parseResult -> {
            var colour = Terminal.colourWanted(root.noColor);
            parseResult.commandSpec().commandLine().setColorScheme(CommandLine.Help.defaultColorScheme(Terminal.ansi(colour)));
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(Terminal.ansi(Terminal.colourWanted(false))));
        return commandLine;
    }

    private static int handle(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        var root = (MlexpCommand) commandLine.getCommandSpec().root().userObject();
        if (exception instanceof InvalidInputException invalid) {
            invalid.findings().forEach(finding -> err.println(finding.format()));
            return ExitCodes.BAD_INPUT;
        }
        if (exception instanceof EnvironmentException environment) {
            err.println("mlexp: " + environment.getMessage());
            return ExitCodes.ENVIRONMENT;
        }
        err.println("mlexp: internal error: " + exception + (root.debug ? "" : " (run with --debug for the stack trace)"));
        if (root.debug) {
            exception.printStackTrace(new PrintWriter(err, true));
        }
        return ExitCodes.ENVIRONMENT;
    }
}
