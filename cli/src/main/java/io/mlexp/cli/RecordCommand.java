package io.mlexp.cli;

import picocli.CommandLine.Command;

@Command(name = "record", description = "Writes, checks and renders Markdown experiment records.",
        subcommands = {RecordCommand.New.class, RecordCommand.Check.class})
final class RecordCommand {
    @Command(name = "new", description = "Writes the next free experiment record from the template.")
    static final class New extends MlexpSubcommand {
        @Override
        public Integer call() {
            throw notBuiltYet("mlexp record new", "the experiment-record template");
        }
    }

    @Command(name = "check", description = "Validates experiment records against the configs they name.")
    static final class Check extends MlexpSubcommand {
        @Override
        public Integer call() {
            throw notBuiltYet("mlexp record check", "the experiment-record rules");
        }
    }

    private RecordCommand() {
    }
}
