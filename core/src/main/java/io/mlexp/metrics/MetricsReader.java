package io.mlexp.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.Json;
import io.mlexp.util.JsonErrors;
import io.mlexp.util.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads what training scripts log: JSON lines (one object a step, as {@code train.py} writes to
 * {@code $MLEXP_METRICS}), PyTorch Lightning's CSVLogger {@code metrics.csv}, and a final
 * {@code metrics.json}, and TensorBoard's event files ({@link TensorBoardEvents}). Python writes non-finite floats as
 * {@code NaN} and {@code Infinity}; they are
 * read as such, so that the finiteness expectation can see them.
 */
public final class MetricsReader {
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;
    private static final int MAX_LINE_BYTES = 1024 * 1024;
    private static final List<String> STEP_KEYS = List.of("step", "global_step", "iteration", "iter");

    private MetricsReader() {
    }

    /** Samples read from one or more files, what they were, and the problems that cut a file short (warnings). */
    public record Loaded(List<Sample> samples, String description, List<Finding> problems) {
    }

    /**
     * Reads a file in its format ({@link MetricsFormat#of}), keeping a bounded part of a long log
     * ({@link BoundedSamples}: evenly spaced samples for a chart, and every sample a verdict reads), so that memory
     * does not grow with the log's length. A problem that cuts a TensorBoard file short is not reported here; use
     * {@link #load} to see it.
     */
    public static List<Sample> read(Path file, String displayName) {
        return load(List.of(file), path -> displayName).samples();
    }

    /**
     * Reads {@code files} in turn, as one log (several event files of one TensorBoard run directory, in the order of
     * their names), into a bounded part of it.
     */
    public static Loaded load(List<Path> files, Function<Path, String> displayName) {
        var samples = new BoundedSamples();
        var problems = new ArrayList<Finding>();
        var formats = new LinkedHashSet<String>();
        double wallSeconds = 0;
        for (var file : files) {
            var format = MetricsFormat.of(file);
            formats.add(format.displayName());
            var read = forEach(file, format, displayName.apply(file), samples);
            read.problem().ifPresent(problems::add);
            wallSeconds += read.wallSeconds();
        }
        var description = String.join(", ", formats) + (files.size() > 1 ? ", " + files.size() + " files" : "")
                + (wallSeconds > 0 ? String.format(Locale.ROOT, ", %.1f s of training", wallSeconds) : "");
        return new Loaded(samples.samples(), description, problems);
    }

    /**
     * Reads a file sample by sample, in its format; every format is streamed, so that a large log costs memory only
     * for what {@code each} keeps.
     *
     * @return the problem that cut a TensorBoard event file short, a warning; empty for a file read whole
     */
    public static Optional<Finding> forEach(Path file, String displayName, Consumer<Sample> each) {
        return forEach(file, MetricsFormat.of(file), displayName, each).problem();
    }

    /** A text format read whole has no wall times and no problem that ends it early: a broken line is an exception. */
    private static final TensorBoardEvents.Read TEXT_READ = new TensorBoardEvents.Read(0, Double.NaN, Double.NaN, Optional.empty());

    private static TensorBoardEvents.Read forEach(Path file, MetricsFormat format, String displayName, Consumer<Sample> each) {
        switch (format) {
            case TENSORBOARD -> {
                return TensorBoardEvents.forEach(file, displayName, each);
            }
            case JSON -> json(TextFiles.readUtf8(file, displayName, MAX_DOCUMENT_BYTES), displayName).forEach(each);
            case CSV -> TextFiles.forEachLine(file, displayName, MAX_BYTES, MAX_LINE_BYTES, new CsvLines(displayName, each));
            case JSON_LINES -> TextFiles.forEachLine(file, displayName, MAX_BYTES, MAX_LINE_BYTES, new JsonLines(displayName, each));
        }
        return TEXT_READ;
    }

    public static List<Sample> jsonLines(String text, String displayName) {
        var samples = new ArrayList<Sample>();
        eachLine(text, new JsonLines(displayName, samples::add));
        return samples;
    }

    private static void eachLine(String text, TextFiles.LineConsumer consumer) {
        var lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            consumer.accept(i + 1, lines[i]);
        }
    }

    /** A reader of samples a line at a time; blank lines are skipped. */
    private abstract static class SampleLines implements TextFiles.LineConsumer {
        final String displayName;
        final Consumer<Sample> each;
        long count;

        SampleLines(String displayName, Consumer<Sample> each) {
            this.displayName = displayName;
            this.each = each;
        }

        @Override
        public final void accept(int number, String line) {
            if (!line.isBlank()) {
                read(number, line);
            }
        }

        abstract void read(int number, String line);
    }

    /** JSON lines: one object a line. */
    private static final class JsonLines extends SampleLines {
        JsonLines(String displayName, Consumer<Sample> each) {
            super(displayName, each);
        }

        @Override
        void read(int number, String line) {
            var location = SourceLocation.of(displayName, number);
            each.accept(sample(parse(line, location), ++count, location));
        }
    }

    /** A final {@code metrics.json}: one object, or a list of objects, one a step. */
    public static List<Sample> json(String text, String displayName) {
        var root = parse(text, SourceLocation.of(displayName, 1));
        var samples = new ArrayList<Sample>();
        if (root.isArray()) {
            for (var item : root) {
                samples.add(sample(item, samples.size() + 1, SourceLocation.of(displayName, 1)));
            }
        } else {
            samples.add(sample(root, 1, SourceLocation.of(displayName, 1)));
        }
        return samples;
    }

    /**
     * Lightning's CSVLogger: a header, then sparse rows (training and validation metrics are logged
     * on separate rows of the same step).
     */
    public static List<Sample> csv(String text, String displayName) {
        var samples = new ArrayList<Sample>();
        eachLine(text, new CsvLines(displayName, samples::add));
        return samples;
    }

    /** CSV rows after a header line. */
    private static final class CsvLines extends SampleLines {
        private String @Nullable [] header;
        private int stepColumn = -1;

        CsvLines(String displayName, Consumer<Sample> each) {
            super(displayName, each);
        }

        @Override
        void read(int number, String line) {
            if (header == null) {
                header(line);
                return;
            }
            var cells = CsvRow.parse(line);
            if (cells.size() > header.length) {
                throw InvalidInputException.of("metrics-format", new SourceLocation(displayName, number, cells.get(header.length).column()),
                        "the row has " + cells.size() + " values, but the header names " + header.length + " columns");
            }
            Map<String, Double> values = Map.of(); // most rows of a Lightning log hold one metric: no map is built for them
            long step = ++count;
            for (int c = 0; c < cells.size(); c++) {
                var cell = cells.get(c).text().strip();
                if (cell.isEmpty()) {
                    continue;
                }
                var value = number(cell, displayName, number, cells.get(c).column(), header[c]);
                if (c == stepColumn) {
                    step = (long) value;
                } else if (!header[c].equals("epoch")) { // Lightning's index column, not a metric
                    values = with(values, header[c], value);
                }
            }
            each.accept(new Sample(step, values, SourceLocation.of(displayName, number)));
        }

        private static Map<String, Double> with(Map<String, Double> values, String name, double value) {
            if (values.isEmpty()) {
                return Map.of(name, value);
            }
            var more = values instanceof LinkedHashMap<String, Double> mutable ? mutable : new LinkedHashMap<>(values);
            more.put(name, value);
            return more;
        }

        private void header(String line) {
            var row = CsvRow.parse(line);
            var names = new String[row.size()];
            var seen = new java.util.HashSet<String>();
            for (int c = 0; c < names.length; c++) {
                names[c] = row.get(c).text().strip();
                if (!seen.add(names[c])) {
                    throw InvalidInputException.of("metrics-format", new SourceLocation(displayName, 1, row.get(c).column()),
                            "the header names column '" + names[c] + "' twice");
                }
                if (STEP_KEYS.contains(names[c]) && stepColumn < 0) {
                    stepColumn = c;
                }
            }
            header = names;
        }
    }

    private static JsonNode parse(String text, SourceLocation location) {
        try {
            var node = Json.python().readTree(text);
            if (node == null || !(node.isObject() || node.isArray())) {
                throw InvalidInputException.of("metrics-format", location, "expected a JSON object of metric values");
            }
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw InvalidInputException.of("metrics-format", at == null ? location
                    : new SourceLocation(location.file(), location.line() + at.getLineNr() - 1, at.getColumnNr()),
                    JsonErrors.describe(e));
        }
    }

    private static Sample sample(JsonNode object, long defaultStep, SourceLocation location) {
        if (!object.isObject()) {
            throw InvalidInputException.of("metrics-format", location, "expected a JSON object of metric values");
        }
        long step = defaultStep;
        var values = new LinkedHashMap<String, Double>();
        for (var fields = object.fields(); fields.hasNext(); ) {
            var field = fields.next();
            var value = field.getValue();
            if (!value.isNumber()) {
                continue; // tags, timestamps as text, nested data: not metrics
            }
            if (STEP_KEYS.contains(field.getKey()) && step == defaultStep && value.canConvertToLong()) {
                step = value.asLong();
            } else {
                values.put(field.getKey(), value.doubleValue());
            }
        }
        return new Sample(step, values, location);
    }

    /** A CSV cell's number; the location is made only for a cell that holds none, as a log of millions has few. */
    private static double number(String cell, String displayName, int line, int column, String name) {
        char first = cell.charAt(0);
        char lead = (first == '-' || first == '+') && cell.length() > 1 ? cell.charAt(1) : first;
        if (!Character.isLetter(lead)) { // inf, nan and their kin are words
            try {
                return PlainDecimal.parse(cell);
            } catch (NumberFormatException e) {
                throw notANumber(cell, displayName, line, column, name, e);
            }
        }
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw notANumber(cell, displayName, line, column, name, null);
        };
    }

    private static InvalidInputException notANumber(String cell, String displayName, int line, int column, String name,
            @Nullable NumberFormatException cause) {
        var location = new SourceLocation(displayName, line, column);
        var message = "column '" + name + "' holds '" + cell + "', not a number";
        return cause == null ? InvalidInputException.of("metrics-format", location, message)
                : InvalidInputException.of("metrics-format", location, message, cause);
    }
}
