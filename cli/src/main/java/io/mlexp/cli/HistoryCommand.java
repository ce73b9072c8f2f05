package io.mlexp.cli;

import picocli.CommandLine.Command;

@Command(name = "history", description = "Appends to, imports into and lists the metric history.",
        subcommands = {HistoryCommand.Append.class, HistoryCommand.Import.class, HistoryCommand.List.class})
final class HistoryCommand {
    @Command(name = "append", description = "Appends one run's metrics to the history.")
    static final class Append extends MlexpSubcommand {
        @Override
        public Integer call() {
            throw notBuiltYet("mlexp history append", "the metric history");
        }
    }

    @Command(name = "import", description = "Imports history entries from a JSON-lines file.")
    static final class Import extends MlexpSubcommand {
        @Override
        public Integer call() {
            throw notBuiltYet("mlexp history import", "the metric history");
        }
    }

    @Command(name = "list", description = "Lists the history entries.")
    static final class List extends MlexpSubcommand {
        @Override
        public Integer call() {
            throw notBuiltYet("mlexp history list", "the metric history");
        }
    }

    private HistoryCommand() {
    }
}
