package io.mlexp.cli;

import picocli.CommandLine.Command;

@Command(name = "record", description = "Writes, checks and renders Markdown experiment records.",
        subcommands = {RecordNewCommand.class, RecordCheckCommand.class, RecordRenderCommand.class, RecordResultsCommand.class})
final class RecordCommand {
    private RecordCommand() {
    }
}
