package io.mlexp.experiments;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.DidYouMean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One row per experiment record: its ID, title and status, the hyperparameters of the config it names, the results it
 * claims and the metrics the history measured for it. Hyperparameter columns whose values differ between rows come
 * first and are marked; the table sorts and filters by any column and can keep only the differing hyperparameters.
 */
public record ExperimentTable(List<Column> columns, List<Row> rows) {
    /** What a column holds. */
    public enum Kind { ID, TITLE, STATUS, PARAMETER, CLAIMED, MEASURED, MEASURED_AT }

    /** A column: its name as headers show it, its kind, and (for hyperparameters) whether rows differ in it. */
    public record Column(String name, Kind kind, boolean differs) {
        /** The header: a differing hyperparameter is marked with {@code *}. */
        public String header() {
            return differs ? name + " *" : name;
        }
    }

    /** A measurement of the record: the history entry's tag, commit, date and final metrics. */
    public record Measurement(String label, String commit, java.time.Instant date, Map<String, Double> metrics) {
        public Measurement {
            metrics = Map.copyOf(metrics);
        }
    }

    /** A row: the record's path, its cells by column name (absent where it has no value) and every measurement, newest first. */
    public record Row(String path, Map<String, String> cells, List<Measurement> measurements) {
        public Row {
            cells = Map.copyOf(cells);
            measurements = List.copyOf(measurements);
        }

        public String cell(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private static final Pattern CONDITION = Pattern.compile("(.+?)(!=|>=|<=|=|~|>|<)(.*)");
    private static final Pattern NUMBER = Pattern.compile("\\s*([-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?)");

    public ExperimentTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Sorted by a column, numbers by value and text alphabetically; empty cells last either way. */
    public ExperimentTable sortedBy(String columnName, boolean descending) {
        var column = column(columnName);
        Comparator<Row> byValue = (left, right) -> compare(left.cell(column.name()), right.cell(column.name()));
        Comparator<Row> order = descending ? byValue.reversed() : byValue;
        var sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.<Row, Boolean>comparing(row -> row.cell(column.name()).isEmpty()).thenComparing(order));
        return new ExperimentTable(columns, sorted);
    }

    /**
     * The rows that meet every condition: {@code column=value} (equal, ignoring case), {@code !=}, {@code column~text}
     * (contains), {@code >}, {@code <}, {@code >=}, {@code <=} (numbers).
     */
    public ExperimentTable filtered(List<String> conditions) {
        var kept = new ArrayList<>(rows);
        for (var condition : conditions) {
            var matcher = CONDITION.matcher(condition);
            if (!matcher.matches()) {
                throw usage("--filter '" + condition + "' is not COLUMN=VALUE, COLUMN~TEXT or COLUMN>NUMBER");
            }
            var column = column(matcher.group(1).strip());
            var operator = matcher.group(2);
            var wanted = matcher.group(3).strip();
            if (List.of(">", "<", ">=", "<=").contains(operator) && number(wanted).isEmpty()) {
                throw usage("--filter '" + condition + "': " + operator + " compares numbers, and '" + wanted + "' is none");
            }
            kept.removeIf(row -> !holds(row.cell(column.name()), operator, wanted));
        }
        return new ExperimentTable(columns, kept);
    }

    /** Without the hyperparameter columns in which every row agrees. */
    public ExperimentTable onlyDiffering() {
        return new ExperimentTable(columns.stream().filter(column -> column.kind() != Kind.PARAMETER || column.differs()).toList(), rows);
    }

    /** The column of a name as written, ignoring case and the {@code *} mark; a name no column has is a usage error. */
    public Column column(String name) {
        var wanted = name.replace("*", "").strip().toLowerCase(Locale.ROOT);
        return columns.stream().filter(column -> column.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> usage("no column '" + name + "'" + DidYouMean.closest(name, columns.stream().map(Column::name).toList())
                        .map(near -> "; did you mean '" + near + "'?").orElse("; the columns are "
                                + String.join(", ", columns.stream().map(Column::name).toList()))));
    }

    private static InvalidInputException usage(String message) {
        return InvalidInputException.of("experiments-usage", SourceLocation.of("mlexp experiments"), message);
    }

    private static boolean holds(String cell, String operator, String wanted) {
        return switch (operator) {
            case "=" -> cell.equalsIgnoreCase(wanted);
            case "!=" -> !cell.equalsIgnoreCase(wanted);
            case "~" -> cell.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
            default -> {
                var left = number(cell);
                var right = number(wanted).orElseThrow();
                yield left.isPresent() && switch (operator) {
                    case ">" -> left.get() > right;
                    case "<" -> left.get() < right;
                    case ">=" -> left.get() >= right;
                    default -> left.get() <= right;
                };
            }
        };
    }

    static int compare(String left, String right) {
        var leftNumber = number(left);
        var rightNumber = number(right);
        if (leftNumber.isPresent() && rightNumber.isPresent()) {
            return Double.compare(leftNumber.get(), rightNumber.get());
        }
        return left.compareToIgnoreCase(right);
    }

    /** The number a cell starts with: {@code 0.91 (v1.2)} is 0.91, {@code 78.2%} is 78.2. */
    static Optional<Double> number(String cell) {
        var matcher = NUMBER.matcher(cell);
        return matcher.lookingAt() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
    }

    /** The cells of each row in column order, for renderers. */
    public List<List<String>> cellsInOrder() {
        var out = new ArrayList<List<String>>();
        for (var row : rows) {
            out.add(columns.stream().map(column -> row.cell(column.name())).toList());
        }
        return out;
    }

    private static Map<String, Object> jsonNumbers(Map<String, Double> metrics) {
        var numbers = new LinkedHashMap<String, Object>();
        metrics.forEach((name, value) -> numbers.put(name, io.mlexp.util.Json.number(value)));
        return numbers;
    }

    /** For JSON: the columns, and each row as a map of column to value plus its measurements. */
    public Map<String, Object> asMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("columns", columns.stream().map(column -> Map.of("name", column.name(), "kind",
                column.kind().name().toLowerCase(Locale.ROOT), "differs", column.differs())).toList());
        map.put("rows", rows.stream().map(row -> {
            var values = new LinkedHashMap<String, Object>();
            values.put("path", row.path());
            var cells = new LinkedHashMap<String, String>();
            columns.forEach(column -> {
                if (row.cells().containsKey(column.name())) {
                    cells.put(column.name(), row.cell(column.name()));
                }
            });
            values.put("cells", cells);
            values.put("measurements", row.measurements().stream().map(measurement -> Map.of("label", measurement.label(),
                    "commit", measurement.commit(), "date", measurement.date().toString(), "metrics", jsonNumbers(measurement.metrics())))
                    .toList());
            return values;
        }).toList());
        return map;
    }
}
