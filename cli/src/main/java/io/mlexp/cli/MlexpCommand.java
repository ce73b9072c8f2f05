package io.mlexp.cli;

import io.mlexp.util.DidYouMean;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

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
            ExperimentsCommand.class,
            RunCommand.class,
            DemoCommand.class,
            HooksCommand.class,
            RulesCommand.class,
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

    @Option(names = "--rules", paramLabel = "FILE", scope = ScopeType.INHERIT,
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
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(parseResult -> {
            var last = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
            var command = last.getCommandSpec().userObject();
            if (root.format.reportOnly() && !(command instanceof ReportCommand)
                    && !(root.format == OutputFormat.markdown && command instanceof ExperimentsCommand)) {
                throw new CommandLine.ParameterException(last, "--format " + root.format
                        + " is for 'mlexp report' (markdown also for 'mlexp experiments'); here use text or json");
            }
            var colour = Terminal.colourWanted(root.noColor);
            parseResult.commandSpec().commandLine().setColorScheme(CommandLine.Help.defaultColorScheme(ansi(colour)));
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(Terminal.colourWanted(false))));
        withHelpOptions(commandLine);
        commandLine.setParameterExceptionHandler(MlexpCommand::badArguments);
        return commandLine;
    }

    /**
     * {@code -h, --help} and {@code -V, --version} on every subcommand, as on the top command; and each command's
     * first paragraph as one element, since a list of commands shows only a description's first element.
     */
    private static void withHelpOptions(CommandLine commandLine) {
        commandLine.getSubcommands().values().forEach(sub -> {
            var spec = sub.getCommandSpec();
            if (spec.optionsMap().get("--help") == null) {
                spec.mixinStandardHelpOptions(true);
            }
            var description = List.of(spec.usageMessage().description());
            int paragraph = description.indexOf("");
            var first = String.join(" ", paragraph < 0 ? description : description.subList(0, paragraph));
            var joined = new java.util.ArrayList<String>();
            joined.add(first);
            if (paragraph >= 0) {
                joined.addAll(description.subList(paragraph, description.size()));
            }
            spec.usageMessage().description(joined.toArray(String[]::new));
            withHelpOptions(sub);
        });
    }

    /** The message, a "did you mean" for a mistyped command or option, the usage; exit code 2 as for any bad input. */
    private static int badArguments(CommandLine.ParameterException exception, String[] arguments) {
        var commandLine = exception.getCommandLine();
        var err = commandLine.getErr();
        err.println("mlexp: " + exception.getMessage());
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !commandLine.getSubcommands().isEmpty()) {
            err.println(DidYouMean.hint(unmatched.getUnmatched().get(0), List.copyOf(commandLine.getSubcommands().keySet()))
                    + "; 'mlexp " + commandLine.getCommandName() + " --help' lists them");
        } else if (!CommandLine.UnmatchedArgumentException.printSuggestions(exception, err)) {
            commandLine.usage(err, commandLine.getColorScheme());
        }
        return ExitCodes.BAD_INPUT;
    }

    private static CommandLine.Help.Ansi ansi(boolean colour) {
        return colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
    }

    /** The reporter of a parsed command line: its streams, and colour, format and debug as chosen. */
    Reporter reporter(CommandLine commandLine) {
        return new Reporter(commandLine.getOut(), commandLine.getErr(), commandLine.getColorScheme().ansi().enabled(),
                format == OutputFormat.json, debug);
    }

    private static int handle(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var root = (MlexpCommand) commandLine.getCommandSpec().root().userObject();
        return root.reporter(commandLine).failure(exception);
    }
}
