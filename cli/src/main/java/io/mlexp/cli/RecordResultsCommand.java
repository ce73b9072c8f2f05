package io.mlexp.cli;

import io.mlexp.check.EnvironmentException;
import io.mlexp.experiments.RecordResults;
import io.mlexp.smoke.Smoke;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "results", description = {
    "Writes measured results into a record's Results section: a table of the final metrics (two decimals), where they",
    "were measured, and a loss curve (an SVG written beside the record). Only mlexp's block in Results changes, and",
    "running it again with the same results changes nothing. Without --from or --tag, the last smoke run (.mlexp/smoke)."})
final class RecordResultsCommand extends MlexpSubcommand {
    @Parameters(paramLabel = "ID", description = "The experiment's ID, e.g. EXP-001.")
    String id;

    @ArgGroup(exclusive = true)
    @Nullable Source source;

    @Mixin
    HistoryOptions where;

    /** Where the results come from: a smoke run's output, or a tag in the history. */
    static final class Source {
        @Option(names = "--from", paramLabel = "SMOKE_DIR", description = "A smoke run's output directory (metrics.jsonl, smoke.json).")
        Path from;

        @Option(names = "--tag", paramLabel = "TAG", description = "The tag whose measurement the history holds.")
        String tag;
    }

    @Override
    public Integer call() {
        var workspace = workspace();
        var config = loadConfig(workspace);
        var root = workspace.root().toAbsolutePath().normalize();
        RecordResults.Outcome outcome;
        if (source != null && source.tag != null) {
            var located = where.locate(this);
            if (!Files.exists(located.history().file())) {
                throw new EnvironmentException("there is no history at " + located.history().file() + " to find the tag in");
            }
            var loaded = located.history().read();
            loaded.warnings().forEach(warning -> err().println(warning.format()));
            outcome = RecordResults.fromTag(root, config.record(), id, source.tag, loaded.entries());
        } else {
            var dir = source != null && source.from != null ? global().workingDirectory().resolve(source.from) : root.resolve(Smoke.OUTPUT);
            var display = source != null && source.from != null ? source.from.toString() : Smoke.OUTPUT;
            outcome = RecordResults.fromSmoke(root, config.record(), id, dir, display);
        }
        out().println(outcome.changed().isEmpty() ? outcome.record() + " already holds these results; nothing changed"
                : "wrote " + outcome.metrics() + " metric" + (outcome.metrics() == 1 ? "" : "s") + " into " + String.join(" and ",
                        outcome.changed()));
        return ExitCodes.OK;
    }
}
