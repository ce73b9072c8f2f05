package io.mlexp.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.JsonErrors;
import io.mlexp.check.SourceLocation;
import io.mlexp.check.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Reads what training scripts log: JSON lines (one object a step, as {@code train.py} writes to
 * {@code $MLEXP_METRICS}), PyTorch Lightning's CSVLogger {@code metrics.csv}, and a final
 * {@code metrics.json}. Python writes non-finite floats as {@code NaN} and {@code Infinity}; they are
 * read as such, so that the finiteness expectation can see them.
 */
public final class MetricsReader {
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final List<String> STEP_KEYS = List.of("step", "global_step", "iteration", "iter");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private MetricsReader() {
    }

    /** Reads a file by its name: {@code .csv}, {@code .json}, or else JSON lines. */
    public static List<Sample> read(Path file, String displayName) {
        var text = TextFiles.readUtf8(file, displayName, MAX_BYTES);
        var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return csv(text, displayName);
        }
        return name.endsWith(".json") ? json(text, displayName) : jsonLines(text, displayName);
    }

    public static List<Sample> jsonLines(String text, String displayName) {
        var samples = new ArrayList<Sample>();
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            var location = SourceLocation.of(displayName, i + 1);
            samples.add(sample(parse(lines[i], location), samples.size() + 1, location));
        }
        return samples;
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
        var lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            return List.of();
        }
        var header = lines[0].split(",", -1);
        int stepColumn = -1;
        for (int c = 0; c < header.length; c++) {
            header[c] = header[c].strip();
            for (int earlier = 0; earlier < c; earlier++) {
                if (header[earlier].equals(header[c])) {
                    throw InvalidInputException.of("metrics-format", new SourceLocation(displayName, 1, cellColumn(header, c)),
                            "the header names column '" + header[c] + "' twice");
                }
            }
            if (STEP_KEYS.contains(header[c])) {
                stepColumn = stepColumn < 0 ? c : stepColumn;
            }
        }
        var samples = new ArrayList<Sample>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            var cells = lines[i].split(",", -1);
            var location = SourceLocation.of(displayName, i + 1);
            if (cells.length > header.length) {
                throw InvalidInputException.of("metrics-format", new SourceLocation(displayName, i + 1, cellColumn(cells, header.length)),
                        "the row has " + cells.length + " values, but the header names " + header.length + " columns");
            }
            var values = new LinkedHashMap<String, Double>();
            long step = samples.size() + 1;
            for (int c = 0; c < cells.length; c++) {
                var cell = cells[c].strip();
                if (cell.isEmpty()) {
                    continue;
                }
                var value = number(cell, new SourceLocation(displayName, i + 1, cellColumn(cells, c)), header[c]);
                if (c == stepColumn) {
                    step = (long) value;
                } else {
                    values.put(header[c], value);
                }
            }
            samples.add(new Sample(step, values, location));
        }
        return samples;
    }

    /** The column (from 1) where cell {@code index} of a split line starts. */
    private static int cellColumn(String[] cells, int index) {
        int column = 1;
        for (int c = 0; c < index; c++) {
            column += cells[c].length() + 1;
        }
        return column;
    }

    private static JsonNode parse(String text, SourceLocation location) {
        try {
            var node = JSON.readTree(text);
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

    private static double number(String cell, SourceLocation location, String column) {
        switch (cell.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf", "+inf", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of("metrics-format", location,
                            "column '" + column + "' holds '" + cell + "', not a number");
                }
        }
    }
}
