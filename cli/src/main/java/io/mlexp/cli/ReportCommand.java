package io.mlexp.cli;

import picocli.CommandLine.Command;

@Command(name = "report", description = "Writes the HTML, Markdown and JSON report from the metric history.")
final class ReportCommand extends MlexpSubcommand {
    @Override
    public Integer call() {
        throw notBuiltYet("mlexp report", "the metric report");
    }
}
