package io.mlexp.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.util.Json;
import io.mlexp.util.JsonErrors;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** One history entry as one line of JSON, and back, with every field checked. */
public final class HistoryFormat {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    private static final int MAX_TEXT = 1024;

    private HistoryFormat() {
    }

    public static String write(HistoryEntry entry) {
        ObjectNode node = Json.strict().createObjectNode();
        node.put("schema", entry.schema());
        entry.tag().ifPresent(tag -> node.put("tag", tag));
        node.put("commit", entry.commit());
        node.put("date", entry.date().toString());
        node.put("context", entry.context());
        var metrics = node.putObject("metrics");
        entry.metrics().forEach((name, value) -> Json.putNumber(metrics, name, OptionalDouble.of(value)));
        entry.smoke().ifPresent(smoke -> node.putObject("smoke").put("verdict", smoke.verdict())
                .put("engine", smoke.engine()).put("seconds", smoke.seconds()));
        var fingerprint = node.putObject("fingerprint");
        entry.fingerprint().forEach(fingerprint::put);
        entry.record().ifPresent(record -> node.put("record", record));
        try {
            return Json.strict().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Reads one line.
     *
     * @throws InvalidInputException naming {@code location} when the line is not an entry of a known schema
     */
    public static HistoryEntry read(String line, SourceLocation location) {
        JsonNode node;
        try {
            node = Json.strict().readTree(line);
        } catch (JsonProcessingException e) {
            throw invalid(location, JsonErrors.describe(e));
        }
        if (node == null || !node.isObject()) {
            throw invalid(location, "expected one JSON object per line");
        }
        int schema = node.path("schema").asInt(-1);
        if (schema != HistoryEntry.SCHEMA) {
            throw invalid(location, "schema " + node.path("schema") + " is not one this mlexp reads (" + HistoryEntry.SCHEMA + ")");
        }
        var commit = text(node, "commit", location).orElseThrow(() -> invalid(location, "'commit' is missing"));
        if (!COMMIT.matcher(commit).matches()) {
            throw invalid(location, "'commit' must be a hexadecimal commit ID, found '" + commit + "'");
        }
        var dateText = text(node, "date", location).orElseThrow(() -> invalid(location, "'date' is missing"));
        var metrics = new LinkedHashMap<String, Double>();
        var metricsNode = node.path("metrics");
        if (!metricsNode.isMissingNode() && !metricsNode.isObject()) {
            throw invalid(location, "'metrics' must be an object of numbers");
        }
        metricsNode.fields().forEachRemaining(field -> metrics.put(field.getKey(), number(field.getKey(), field.getValue(), location)));
        Optional<HistoryEntry.SmokeSummary> smoke = Optional.empty();
        if (node.path("smoke").isObject()) {
            var s = node.get("smoke");
            smoke = Optional.of(new HistoryEntry.SmokeSummary(s.path("verdict").asText(""), s.path("engine").asText(""),
                    s.path("seconds").asDouble(0)));
        }
        var fingerprint = new LinkedHashMap<String, String>();
        node.path("fingerprint").fields().forEachRemaining(field -> fingerprint.put(field.getKey(), limit(field.getValue().asText())));
        return new HistoryEntry(schema, text(node, "tag", location), commit, date(dateText, location),
                text(node, "context", location).orElse("tag"), metrics, smoke, fingerprint, text(node, "record", location));
    }

    /** An ISO-8601 instant or date-time with offset ({@code 2026-11-22T10:00:00Z}, {@code 2026-11-22T11:00+01:00}). */
    public static Instant date(String text, SourceLocation location) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(location, "'" + limit(text) + "' is not an ISO-8601 date and time with an offset, such as 2026-11-22T10:00:00Z", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field, SourceLocation location) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(location, "'" + field + "' must be text");
        }
        if (value.asText().length() > MAX_TEXT) {
            throw invalid(location, "'" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        return Optional.of(value.asText());
    }

    private static double number(String name, JsonNode value, SourceLocation location) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            switch (value.asText()) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    // not a number's text: refused below
                }
            }
        }
        throw invalid(location, "metric '" + name + "' must be a number, found " + limit(value.toString()));
    }

    private static String limit(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static InvalidInputException invalid(SourceLocation location, String message) {
        return InvalidInputException.of("history-entry", location, message);
    }

    private static InvalidInputException invalid(SourceLocation location, String message, Throwable cause) {
        return InvalidInputException.of("history-entry", location, message, cause);
    }
}
