package io.mlexp.experiments;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.RecordSection;
import io.mlexp.record.ExperimentRecord;
import io.mlexp.util.Markdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes measured results into a record's Results section, between two comments that mark mlexp's block: the rest of
 * the file is kept byte for byte, and writing the same results again changes nothing. Without a block yet, it goes at
 * the end of the Results section; without a Results section, one is added at the end of the record.
 */
public final class ResultsWriter {
    static final String START = "<!-- mlexp results: written by `mlexp record results`; what is inside is replaced -->";
    static final String END = "<!-- end of mlexp results -->";

    private ResultsWriter() {
    }

    /** The block: a two-decimal table of the final values, where they come from, and the curve's image when there is one. */
    public static String block(Map<String, Double> finals, String provenance, Optional<String> curveImage) {
        var block = new StringBuilder(START).append("\n| Metric | Value |\n|:---|:---|\n");
        finals.forEach((name, value) -> block.append("| ").append(Markdown.tableCell(name)).append(" | ").append(twoDecimals(value))
                .append(" |\n"));
        block.append("\n").append(provenance).append("\n");
        curveImage.ifPresent(image -> block.append("\n![Loss curve](").append(image).append(")\n"));
        return block.append(END).append('\n').toString();
    }

    /** The team's convention: two decimals; a small non-zero value keeps two significant digits instead of reading 0.00. */
    static String twoDecimals(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value != 0 && Math.abs(value) < 0.005) {
            return String.format(Locale.ROOT, "%.1e", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** {@code markdown} with {@code block} in place; {@code record} is what the parser read from it. */
    public static String write(String markdown, ExperimentRecord record, String block) {
        var lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
        int start = indexOf(lines, START, 0);
        if (start >= 0) {
            int end = indexOf(lines, END, start);
            if (end < 0) {
                throw new InvalidInputException(List.of(Finding.error("record-results-block", SourceLocation.of(record.path(), start + 1),
                        "mlexp's results block starts here but has no end line '" + END + "'; nothing was written")
                        .withHint("put the end line back, or delete the block to have it written anew")));
            }
            var before = String.join("\n", lines.subList(0, start));
            var after = String.join("\n", lines.subList(end + 1, lines.size()));
            return (before.isEmpty() ? "" : before + "\n") + block + after;
        }
        var results = record.sections().get(RecordSection.RESULTS);
        if (results == null) {
            var text = markdown.endsWith("\n") ? markdown : markdown + "\n";
            return text + "\n## Results\n\n" + block;
        }
        int next = nextHeading(lines, results.location().line());
        int insertAt = next;
        while (insertAt > results.location().line() && lines.get(insertAt - 1).isBlank()) {
            insertAt--;
        }
        var head = String.join("\n", lines.subList(0, insertAt));
        var tail = String.join("\n", lines.subList(insertAt, lines.size()));
        return head + "\n\n" + block + (tail.isEmpty() || tail.startsWith("\n") ? "" : "\n") + tail;
    }

    /** The index of the first H1 or H2 line after {@code from} (outside code fences), else the number of lines. */
    private static int nextHeading(List<String> lines, int from) {
        boolean fenced = false;
        for (int i = from; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced && line.matches("#{1,2}(\\s.*)?")) {
                return i;
            }
        }
        return lines.size();
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        return -1;
    }
}
