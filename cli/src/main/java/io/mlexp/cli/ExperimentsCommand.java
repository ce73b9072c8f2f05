package io.mlexp.cli;

import io.mlexp.check.Finding;
import io.mlexp.experiments.ExperimentTableFormats;
import io.mlexp.experiments.Experiments;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "experiments", description = {
    "Lists the experiments: one row per record, with its ID, title and status, the hyperparameters of the config it",
    "names (those that differ between experiments first, marked *), the results it claims, and the metrics the history",
    "measured for it (the newest measurement, its tag and date). --format markdown or json for other tools."})
final class ExperimentsCommand extends MlexpSubcommand {
    @Mixin
    HistoryOptions where;

    @Option(names = "--sort", paramLabel = "COLUMN", description = "Sort by this column (numbers by value); -COLUMN sorts descending.")
    String sort;

    @Option(names = "--filter", paramLabel = "CONDITION", description = {"Keep rows where COLUMN=VALUE, COLUMN!=VALUE, COLUMN~TEXT",
        "(contains) or COLUMN>NUMBER (also <, >=, <=). Repeat to combine, e.g. --filter status=measured --filter lr<0.01."})
    List<String> filters = new ArrayList<>();

    @Option(names = "--only-differing", description = "Show only the hyperparameters that differ between the rows shown.")
    boolean onlyDiffering;

    @Option(names = "--width", paramLabel = "CHARS", description = "Fit the text table to this width (default: $COLUMNS, else 120).")
    Integer width;

    @Override
    public Integer call() {
        var located = where.locate(this);
        var workspace = located.workspace().orElseGet(this::workspace);
        var config = located.config().orElseGet(() -> loadConfig(workspace));
        var warnings = new ArrayList<Finding>();
        var history = java.nio.file.Files.exists(located.history().file()) ? located.history().read() : null;
        if (history != null) {
            warnings.addAll(history.warnings());
        }
        var table = Experiments.table(workspace.root(), config.record(), history == null ? List.of() : history.entries(), warnings)
                .filtered(filters);
        if (sort != null) {
            boolean descending = sort.startsWith("-");
            table = table.sortedBy(descending ? sort.substring(1) : sort, descending);
        }
        if (onlyDiffering) {
            table = table.onlyDiffering();
        }
        switch (global().format) {
            case json -> out().println(ExperimentTableFormats.json(table));
            case markdown -> out().print(ExperimentTableFormats.markdown(table));
            default -> out().print(ExperimentTableFormats.text(table, width != null ? width : Terminal.columns()));
        }
        out().flush();
        warnings.forEach(warning -> err().println(warning.format()));
        return ExitCodes.OK;
    }
}
