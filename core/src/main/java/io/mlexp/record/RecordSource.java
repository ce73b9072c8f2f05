package io.mlexp.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.files.RepoFile;
import io.mlexp.util.Json;
import io.mlexp.util.TextFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown of a record file: the file itself, or the leading Markdown cells of a Jupyter notebook joined by blank
 * lines. A notebook's locations are mapped back to {@code file:cell:line:column}, the cell counted from 1 as Jupyter
 * shows it. The notebook is read as a stream: cells after the record are skipped, their outputs never held in memory.
 *
 * @param path     the file's repository path
 * @param markdown the record's Markdown
 * @param cells    for a notebook, each record cell's number and the line of the Markdown where it starts; else empty
 */
public record RecordSource(String path, String markdown, List<Cell> cells) {
    /** A notebook is at most this large; its record cells together at most {@link RecordCheck#MAX_RECORD_BYTES}. */
    public static final long MAX_NOTEBOOK_BYTES = 64L * 1024 * 1024;

    /** A notebook cell of the record: its number in the notebook and the Markdown line it starts at. */
    public record Cell(int number, int firstLine) {
    }

    /** One cell of the stream at a time: what follows it is the rest of the notebook, not trailing garbage. */
    private static final com.fasterxml.jackson.databind.ObjectReader CELL = Json.strict().reader()
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public RecordSource {
        cells = List.copyOf(cells);
    }

    public static boolean isNotebook(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    /** Reads a record file of either kind; too large, not UTF-8 or not a notebook is an {@link InvalidInputException}. */
    public static RecordSource of(RepoFile file) {
        if (!isNotebook(file.path())) {
            tooLarge(file.path(), file.size(), RecordCheck.MAX_RECORD_BYTES);
            return new RecordSource(file.path(), TextFiles.decodeUtf8(file.content().get(), file.path()), List.of());
        }
        tooLarge(file.path(), file.size(), MAX_NOTEBOOK_BYTES);
        return notebook(file.path(), file.content().get());
    }

    /** Reads a record file from disk; {@code displayName} is how messages name it. */
    public static RecordSource read(java.nio.file.Path file, String displayName) {
        long limit = isNotebook(displayName) ? MAX_NOTEBOOK_BYTES : RecordCheck.MAX_RECORD_BYTES;
        var bytes = TextFiles.withRegularFile(file, displayName, limit, java.nio.file.Files::readAllBytes);
        return of(new RepoFile(displayName, bytes.length, () -> bytes));
    }

    private static void tooLarge(String path, long size, long limit) {
        if (size > limit) {
            throw InvalidInputException.of("record-too-large", SourceLocation.of(path),
                    "is " + size + " bytes; a " + (limit == MAX_NOTEBOOK_BYTES ? "notebook" : "record") + " is at most " + limit + " bytes");
        }
    }

    static RecordSource notebook(String path, byte[] bytes) {
        try (var json = Json.strict().createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw notANotebook(path, json, "a notebook is a JSON object with a 'cells' list");
            }
            var text = new StringBuilder();
            var cells = new ArrayList<Cell>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                var field = json.currentName();
                json.nextToken();
                if ("cells".equals(field) && json.currentToken() == JsonToken.START_ARRAY) {
                    readCells(path, json, text, cells);
                } else {
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                throw notANotebook(path, json, "expected the end of the notebook");
            }
            return new RecordSource(path, text.toString(), cells);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw InvalidInputException.of("record-unreadable", at == null ? SourceLocation.of(path)
                    : new SourceLocation(path, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr())),
                    "not a valid notebook: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw InvalidInputException.of("record-unreadable", SourceLocation.of(path), "cannot read the notebook: " + e.getMessage(), e);
        }
    }

    /** The first run of Markdown cells; cells before it (a setup cell) and after it are skipped unread. */
    private static void readCells(String path, JsonParser json, StringBuilder text, List<Cell> cells) throws IOException {
        int number = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            number++;
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw notANotebook(path, json, "cell " + number + " is not an object");
            }
            com.fasterxml.jackson.databind.JsonNode cell = CELL.readTree(json);
            boolean markdown = "markdown".equals(cell.path("cell_type").asText());
            if (!markdown) {
                if (!cells.isEmpty()) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        json.skipChildren();
                    }
                    return;
                }
                continue;
            }
            var source = cell.path("source");
            var cellText = new StringBuilder();
            if (source.isArray()) {
                source.forEach(line -> cellText.append(line.asText()));
            } else {
                cellText.append(source.asText());
            }
            if (!cells.isEmpty()) {
                text.append("\n\n");
            }
            cells.add(new Cell(number, (int) text.chars().filter(c -> c == '\n').count() + 1));
            text.append(cellText.toString().replace("\r\n", "\n"));
            if (text.length() > RecordCheck.MAX_RECORD_BYTES) {
                throw InvalidInputException.of("record-too-large", SourceLocation.of(path + ":" + number),
                        "the record's Markdown cells hold over " + RecordCheck.MAX_RECORD_BYTES + " characters");
            }
        }
    }

    private static InvalidInputException notANotebook(String path, JsonParser json, String why) {
        var at = json.currentLocation();
        return InvalidInputException.of("record-unreadable", new SourceLocation(path, Math.max(0, at.getLineNr()),
                Math.max(0, at.getColumnNr())), "not a valid notebook: " + why);
    }

    public boolean isNotebook() {
        return isNotebook(path);
    }

    /** Where a place in the Markdown is in the file: for a notebook, {@code path:cell} with the line in that cell. */
    public SourceLocation locate(SourceLocation at) {
        if (cells.isEmpty() || !at.file().equals(path) || !at.hasLine()) {
            return at;
        }
        var cell = cells.get(0);
        for (var next : cells) {
            if (next.firstLine() <= at.line()) {
                cell = next;
            }
        }
        return new SourceLocation(path + ":" + cell.number(), at.line() - cell.firstLine() + 1, at.column());
    }

    /** {@link #locate} applied to each finding. */
    public List<Finding> locate(List<Finding> findings) {
        if (cells.isEmpty()) {
            return findings;
        }
        return findings.stream().map(finding -> new Finding(finding.ruleId(), finding.severity(), locate(finding.location()),
                finding.message(), finding.hint())).toList();
    }
}
