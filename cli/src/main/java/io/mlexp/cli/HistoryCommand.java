package io.mlexp.cli;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.history.HistoryEntry;
import io.mlexp.history.HistoryFormat;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.metrics.TensorBoardEvents;
import io.mlexp.util.TextFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = {
    "Appends to, imports into and lists the metric history: one JSON line per run, only ever appended to",
    "(docs/history-format.md)."},
        subcommands = {HistoryCommand.Append.class, HistoryCommand.Import.class, HistoryCommand.List.class})
final class HistoryCommand {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    /** About a million entries: an import is read whole and checked before anything is written. */
    private static final long MAX_IMPORT_BYTES = 512L * 1024 * 1024;
    private static final int MAX_LINE_BYTES = 1024 * 1024;

    @Command(name = "append", description = {"Appends one run's final metrics to the history, e.g. to backfill old tags.",
        "The metrics file is JSON lines, Lightning's metrics.csv or a metrics.json; each metric's last value is kept."})
    static final class Append extends MlexpSubcommand {
        @Mixin
        HistoryOptions where;

        @Option(names = "--tag", required = true, paramLabel = "NAME", description = "The tag the run belongs to.")
        String tag;

        @Option(names = "--commit", required = true, paramLabel = "SHA", description = "The commit ID (7 to 64 hex digits).")
        String commit;

        @Option(names = "--metrics", required = true, paramLabel = "FILE",
                description = {"The run's metrics: JSON lines, a metrics.json, Lightning's metrics.csv, a TensorBoard event file,",
                    "or a TensorBoard run directory (its event files in turn). The last value of each metric is kept."})
        Path metrics;

        @Option(names = "--date", paramLabel = "ISO", description = "When it ran, e.g. 2026-03-01T12:00:00Z (default: now).")
        String date;

        @Option(names = "--record", paramLabel = "ID", description = {"The experiment the run measured, e.g. EXP-001: its record's",
            "claims are checked against this run (mlexp record check), and the experiment table shows it."})
        String record;

        @Override
        public Integer call() {
            var located = where.locate(this);
            if (!COMMIT.matcher(commit).matches()) {
                throw InvalidInputException.of("option-value", SourceLocation.of("--commit"),
                        "'" + commit + "' is not a commit ID (7 to 64 lower-case hex digits)");
            }
            var file = global().workingDirectory().resolve(metrics);
            var files = Files.isDirectory(file) ? TensorBoardEvents.eventFiles(file) : java.util.List.of(file);
            if (files.isEmpty()) {
                throw InvalidInputException.of("history-no-metrics", SourceLocation.of(metrics.toString()),
                        "is a directory without TensorBoard event files (events.out.tfevents.*)");
            }
            var values = new LinkedHashMap<String, Double>(); // the last value of each metric; a long log is streamed
            for (var each : files) {
                var name = files.size() == 1 && each.equals(file) ? metrics.toString() : metrics.resolve(each.getFileName()).toString();
                MetricsReader.forEach(each, name, sample -> values.putAll(sample.values()))
                        .ifPresent(problem -> err().println(problem.format()));
            }
            if (values.isEmpty()) {
                throw InvalidInputException.of("history-no-metrics", SourceLocation.of(metrics.toString()), "holds no metrics");
            }
            var when = date == null ? Instant.now() : HistoryFormat.date(date, SourceLocation.of("--date"));
            if (record != null && !record.matches("[\\p{L}\\p{N}._-]{1,64}")) {
                throw InvalidInputException.of("option-value", SourceLocation.of("--record"),
                        "'" + Finding.printable(record) + "' is not an experiment ID (letters, digits, '.', '_' and '-')");
            }
            var entry = new HistoryEntry(HistoryEntry.SCHEMA, Optional.of(tag), commit, when, "tag", values, Optional.empty(),
                    Map.of(), Optional.ofNullable(record));
            HistoryFormat.read(HistoryFormat.write(entry), SourceLocation.of("--tag")); // what it writes it can read back
            located.history().append(entry);
            out().println("appended " + Finding.printable(tag) + " (" + values.size() + " metrics) to " + located.history().file());
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = {"Imports entries from a JSON-lines file in the history format.",
        "Every line is checked first: one bad line imports nothing, and each bad line is named."})
    static final class Import extends MlexpSubcommand {
        @Mixin
        HistoryOptions where;

        @Parameters(paramLabel = "FILE", description = "The entries, one JSON object a line.")
        Path file;

        @Override
        public Integer call() {
            var located = where.locate(this);
            var entries = new ArrayList<HistoryEntry>();
            var problems = new ArrayList<Finding>();
            TextFiles.forEachLine(global().workingDirectory().resolve(file), file.toString(), MAX_IMPORT_BYTES, MAX_LINE_BYTES,
                    (number, line) -> {
                        if (line.isBlank()) {
                            return;
                        }
                        try {
                            entries.add(HistoryFormat.read(line, SourceLocation.of(file.toString(), number)));
                        } catch (InvalidInputException e) {
                            problems.addAll(e.findings());
                        }
                    });
            if (problems.isEmpty() && entries.isEmpty()) {
                problems.add(Finding.error("history-no-entries", SourceLocation.of(file.toString()), "holds no entries"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            located.history().appendAll(entries);
            out().println("imported " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies") + " into " + located.history().file());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists the history: one line per entry, with the metrics publish.metrics names.")
    static final class List extends MlexpSubcommand {
        @Mixin
        HistoryOptions where;

        @Override
        public Integer call() {
            var located = where.locate(this);
            if (!java.nio.file.Files.exists(located.history().file())) {
                throw new EnvironmentException("there is no history at " + located.history().file() + " yet; fill it with 'mlexp run'"
                        + " on a tag, 'mlexp history append' or 'mlexp history import'");
            }
            var loaded = located.history().read();
            var names = located.config().map(c -> c.publish().metrics())
                    .orElseGet(() -> loaded.entries().isEmpty() ? java.util.List.of()
                            : loaded.entries().get(loaded.entries().size() - 1).metrics().keySet().stream().limit(4).toList());
            if (json()) {
                loaded.entries().forEach(entry -> out().println(HistoryFormat.write(entry)));
            } else {
                out().printf("%-20s %-12s %-20s", "entry", "commit", "date");
                names.forEach(name -> out().printf(" %14s", Finding.printable(name)));
                out().println();
                for (var entry : loaded.entries()) {
                    out().printf("%-20s %-12s %-20s", Finding.printable(entry.label()),
                            Finding.printable(entry.commit().substring(0, Math.min(12, entry.commit().length()))),
                            entry.date().toString().substring(0, 16).replace('T', ' '));
                    names.forEach(name -> {
                        var value = entry.metrics().get(name);
                        out().printf(Locale.ROOT, " %14s", value == null ? "–" : String.format(Locale.ROOT, "%.6g", value));
                    });
                    out().println();
                }
            }
            loaded.warnings().forEach(warning -> err().println(warning.format()));
            out().flush();
            err().println(loaded.entries().size() + " entries in " + located.history().file());
            return ExitCodes.OK;
        }
    }

    private HistoryCommand() {
    }
}
