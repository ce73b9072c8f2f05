package io.mlexp.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of CSV as RFC 4180 writes it ({@code csv.writer} and pandas' {@code to_csv} do): fields separated by commas, a
 * field in double quotes may hold commas, and {@code ""} inside one is a quote. Each field keeps the column it starts
 * at, for findings. A line is a record: metrics logs never break a field across lines.
 */
record CsvRow(List<Field> fields) {
    /** A field's text, unquoted, and the column (from 1) where it starts. */
    record Field(String text, int column) {
    }

    static CsvRow parse(String line) {
        var fields = new ArrayList<Field>();
        int i = 0;
        while (true) {
            int start = i;
            if (i >= line.length() || line.charAt(i) != '"') { // the common cell, unquoted: no copy but the substring
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                fields.add(new Field(line.substring(i, end), start + 1));
                if (comma < 0) {
                    return new CsvRow(fields);
                }
                i = comma + 1;
                continue;
            }
            var text = new StringBuilder();
            i++;
            while (i < line.length()) {
                char c = line.charAt(i++);
                if (c != '"') {
                    text.append(c);
                } else if (i < line.length() && line.charAt(i) == '"') {
                    text.append('"');
                    i++;
                } else {
                    break;
                }
            }
            while (i < line.length() && line.charAt(i) != ',') {
                text.append(line.charAt(i++)); // after the closing quote: kept, as Python's csv keeps it
            }
            fields.add(new Field(text.toString(), start + 1));
            if (i >= line.length()) {
                return new CsvRow(fields);
            }
            i++; // the comma
        }
    }

    int size() {
        return fields.size();
    }

    Field get(int index) {
        return fields.get(index);
    }
}
