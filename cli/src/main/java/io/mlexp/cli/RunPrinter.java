package io.mlexp.cli;

import io.mlexp.check.Finding;
import io.mlexp.run.RunResult;
import io.mlexp.run.StageResult;
import java.util.List;

/** Prints run verdicts for people: one line per stage, findings indented under it. */
final class RunPrinter {
    private final MlexpSubcommand command;

    RunPrinter(MlexpSubcommand command) {
        this.command = command;
    }

    void print(RunResult run) {
        var out = command.out();
        out.println(command.colour("bold", Finding.printable(run.context().describe())));
        for (var stage : run.stages()) {
            out.printf("  %-28s %s%n", stage.stage().description(), verdict(stage.status()));
            out.println("    " + Finding.printable(stage.summary()));
            stage.findings().forEach(finding -> out.println("    " + finding.format()));
        }
    }

    void printAll(List<RunResult> runs) {
        runs.forEach(this::print);
    }

    private String verdict(StageResult.Status status) {
        return switch (status) {
            case PASSED -> command.colour("green", status.label());
            case FAILED -> command.colour("red,bold", status.label());
            case NOT_AVAILABLE -> command.colour("faint", status.label());
        };
    }
}
