package io.mlexp.experiments;

import io.mlexp.config.ConfigValues;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.RecordConfig;
import io.mlexp.config.RecordSection;
import io.mlexp.experiments.ExperimentTable.Column;
import io.mlexp.experiments.ExperimentTable.Kind;
import io.mlexp.experiments.ExperimentTable.Measurement;
import io.mlexp.history.HistoryEntry;
import io.mlexp.record.ExperimentRecord;
import io.mlexp.record.RecordCheck;
import io.mlexp.record.RecordRules;
import io.mlexp.record.RepoReader;
import io.mlexp.record.RecordSource;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the experiment table of a working tree: its records, the configs they name, and the history. */
public final class Experiments {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Experiments() {
    }

    /** One row per readable record of the working tree; unreadable records and configs become warnings. */
    public static ExperimentTable table(Path root, RecordConfig config, List<HistoryEntry> history, List<Finding> warnings) {
        var check = new RecordCheck(config);
        var reader = RepoReader.workingTree(root.toAbsolutePath().normalize());
        var rows = new ArrayList<Draft>();
        for (var path : check.everyRecord(root)) {
            try {
                var source = RecordSource.read(root.resolve(path), path);
                rows.add(draft(check.parse(source), config, reader, history, warnings));
            } catch (InvalidInputException e) {
                e.findings().forEach(finding -> warnings.add(Finding.warning("experiments-record", finding.location(),
                        "not in the table: " + finding.message())));
            }
        }
        return assemble(rows);
    }

    /** A row before the columns are known: the record's cells by kind. */
    private record Draft(String path, String id, String title, String status, Map<String, String> parameters,
            Map<String, String> claimed, List<Measurement> measurements) {
    }

    private static Draft draft(ExperimentRecord record, RecordConfig config, RepoReader reader, List<HistoryEntry> history,
            List<Finding> warnings) {
        var pattern = config.idPattern().pattern();
        var id = record.id(pattern).map(ExperimentRecord.Located::text).orElse(record.stem());
        var parameters = new LinkedHashMap<String, String>();
        record.config().ifPresent(named -> {
            var problems = new ArrayList<Finding>();
            RecordRules.namedConfig(named, reader, problems).ifPresent(mapping -> parameters.putAll(ConfigValues.of(mapping).texts()));
            problems.forEach(problem -> warnings.add(Finding.warning("experiments-config", problem.location(),
                    id + "'s hyperparameters are not in the table: " + problem.message())));
        });
        if (record.config().isEmpty()) {
            record.parameters().ifPresent(table -> table.rows().forEach(row -> parameters.put(row.name().text(), row.value().text())));
        }
        var claimed = new LinkedHashMap<String, String>();
        record.results().ifPresent(table -> table.rows().forEach(row -> claimed.put(row.name().text(), row.value().text())));
        // full runs first, newest first: what a claim is held against; then the smoke runs
        var measurements = history.stream().filter(entry -> entry.record().filter(id::equals).isPresent())
                .sorted(Comparator.<HistoryEntry, Boolean>comparing(entry -> entry.smoke().isPresent())
                        .thenComparing(Comparator.comparing(HistoryEntry::date).reversed()))
                .map(entry -> new Measurement(entry.label(), entry.commit(), entry.date(), entry.metrics())).toList();
        return new Draft(record.path(), id, record.titleText(pattern), status(record, measurements), parameters, claimed, measurements);
    }

    /** The front matter's {@code status:}, else what the record shows: measured, results written, or planned. */
    private static String status(ExperimentRecord record, List<Measurement> measurements) {
        var written = record.frontMatter().get("status");
        if (written != null && !written.isBlank()) {
            return written;
        }
        if (!measurements.isEmpty()) {
            return "measured";
        }
        var results = record.sections().get(RecordSection.RESULTS);
        return results != null && !results.empty() ? "results written" : "planned";
    }

    private static ExperimentTable assemble(List<Draft> drafts) {
        var parameterNames = new LinkedHashSet<String>();
        var claimNames = new LinkedHashSet<String>();
        var measuredNames = new LinkedHashSet<String>();
        for (var draft : drafts) {
            parameterNames.addAll(draft.parameters().keySet());
            claimNames.addAll(draft.claimed().keySet());
            draft.measurements().stream().findFirst().ifPresent(latest -> measuredNames.addAll(latest.metrics().keySet()));
        }
        var differing = new ArrayList<Column>();
        var same = new ArrayList<Column>();
        for (var name : parameterNames) {
            var values = new HashSet<Optional<String>>();
            drafts.forEach(draft -> values.add(Optional.ofNullable(draft.parameters().get(name))));
            (values.size() > 1 ? differing : same).add(new Column(name, Kind.PARAMETER, values.size() > 1));
        }
        var columns = new ArrayList<Column>(List.of(new Column("id", Kind.ID, false), new Column("title", Kind.TITLE, false),
                new Column("status", Kind.STATUS, false)));
        columns.addAll(differing);
        columns.addAll(same);
        claimNames.forEach(name -> columns.add(new Column("claimed " + name, Kind.CLAIMED, false)));
        measuredNames.forEach(name -> columns.add(new Column("measured " + name, Kind.MEASURED, false)));
        if (!measuredNames.isEmpty()) {
            columns.add(new Column("measured at", Kind.MEASURED_AT, false));
        }
        var rows = drafts.stream().map(draft -> {
            var cells = new LinkedHashMap<String, String>();
            cells.put("id", draft.id());
            cells.put("title", draft.title());
            cells.put("status", draft.status());
            cells.putAll(draft.parameters());
            draft.claimed().forEach((name, value) -> cells.put("claimed " + name, value));
            draft.measurements().stream().findFirst().ifPresent(latest -> {
                latest.metrics().forEach((name, value) -> cells.put("measured " + name, measured(value)));
                var commit = latest.commit().substring(0, Math.min(7, latest.commit().length()));
                cells.put("measured at", (latest.label().startsWith(commit) ? "" : latest.label() + " ") + commit + " "
                        + DAY.format(latest.date()));
            });
            return new ExperimentTable.Row(draft.path(), cells, draft.measurements());
        }).toList();
        return new ExperimentTable(columns, rows);
    }

    private static String measured(double value) {
        return Double.isFinite(value) ? String.format(java.util.Locale.ROOT, "%.4f", value) : String.valueOf(value);
    }
}
