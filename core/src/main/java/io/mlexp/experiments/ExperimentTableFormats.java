package io.mlexp.experiments;

import io.mlexp.util.Html;
import io.mlexp.util.Markdown;
import java.util.ArrayList;
import java.util.List;

/** The experiment table for a terminal (fitted to its width), as Markdown, and as an HTML table the page sorts. */
public final class ExperimentTableFormats {
    private static final int MIN_WIDTH = 10;
    private static final String GAP = "  ";

    /** Sorts every {@code table.sortable} of a page by the heading clicked (the report's and the demo's pages run it). */
    public static final String SORT_SCRIPT = """
            (function () {
            // the experiment table sorts by the clicked column: numbers by value, text alphabetically, empty cells last
            document.querySelectorAll('table.sortable').forEach(function (table) {
              table.querySelectorAll('th').forEach(function (th, column) {
                th.addEventListener('click', function () {
                  var descending = th.classList.contains('asc');
                  table.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
                  th.classList.add(descending ? 'desc' : 'asc');
                  var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
                  function key(row) { return row.cells[column].textContent.trim(); }
                  rows.sort(function (a, b) {
                    var x = key(a), y = key(b);
                    if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1);
                    var nx = parseFloat(x), ny = parseFloat(y);
                    var order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
                    return descending ? -order : order;
                  });
                  rows.forEach(function (row) { body.appendChild(row); });
                });
              });
            });
            })();
            """;

    private ExperimentTableFormats() {
    }

    /**
     * Columns padded to their widest cell, the widest shortened with {@code …} until the table fits {@code width}
     * characters (no column narrower than {@value #MIN_WIDTH} unless its cells are); a line of differing marks under the header.
     */
    public static String text(ExperimentTable table, int width) {
        if (table.rows().isEmpty()) {
            return "no experiment records\n";
        }
        var shown = new ArrayList<>(table.columns());
        var hidden = new ArrayList<String>();
        int[] widths = widths(table, shown);
        while (!fit(widths, shown, width) && shown.size() > 1) {
            var dropped = shown.remove(leastWanted(shown));
            hidden.add(dropped.name());
            widths = widths(table, shown);
        }
        var order = table.columns().stream().map(ExperimentTable.Column::name).toList();
        hidden.sort(java.util.Comparator.comparingInt(order::indexOf));
        var view = new ExperimentTable(shown, table.rows());
        var out = new StringBuilder();
        line(out, shown.stream().map(ExperimentTable.Column::header).toList(), widths);
        var rule = new ArrayList<String>();
        for (int each : widths) {
            rule.add("-".repeat(each));
        }
        line(out, rule, widths);
        for (var row : view.cellsInOrder()) {
            line(out, row, widths);
        }
        if (shown.stream().anyMatch(ExperimentTable.Column::differs)) {
            out.append("* the hyperparameter differs between experiments\n");
        }
        if (!hidden.isEmpty()) {
            out.append(hidden.size()).append(hidden.size() == 1 ? " column" : " columns").append(" left out to fit ").append(width)
                    .append(" characters (").append(String.join(", ", hidden))
                    .append("); --only-differing, --width or --format markdown show more\n");
        }
        return out.toString();
    }

    private static int[] widths(ExperimentTable table, List<ExperimentTable.Column> columns) {
        var widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            var column = columns.get(i);
            widths[i] = column.header().length();
            for (var row : table.rows()) {
                widths[i] = Math.max(widths[i], row.cell(column.name()).length());
            }
        }
        return widths;
    }

    /**
     * The column to leave out first, each kind from the right: a hyperparameter every row agrees on, a claim, when it
     * was measured, the title; the ID, the status, the differing hyperparameters and what was measured stay longest.
     */
    private static int leastWanted(List<ExperimentTable.Column> columns) {
        for (var kind : List.of(ExperimentTable.Kind.PARAMETER, ExperimentTable.Kind.CLAIMED, ExperimentTable.Kind.MEASURED_AT,
                ExperimentTable.Kind.TITLE)) {
            for (int i = columns.size() - 1; i > 0; i--) {
                if (columns.get(i).kind() == kind && !columns.get(i).differs()) {
                    return i;
                }
            }
        }
        return columns.size() - 1;
    }

    /**
     * Narrows the widest columns, none below its floor: the ID's whole width, else its header (up to 16) or 10
     * characters, whichever is more; whether the table fits.
     */
    private static boolean fit(int[] widths, List<ExperimentTable.Column> columns, int width) {
        var floors = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            var column = columns.get(i);
            floors[i] = column.kind() == ExperimentTable.Kind.ID ? widths[i]
                    : Math.min(widths[i], Math.max(MIN_WIDTH, Math.min(16, column.header().length())));
        }
        while (total(widths) > width) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] > floors[i] && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return false;
            }
            widths[widest]--;
        }
        return true;
    }

    private static int total(int[] widths) {
        int sum = GAP.length() * Math.max(0, widths.length - 1);
        for (int width : widths) {
            sum += width;
        }
        return sum;
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        var text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            var cell = cells.get(i).replace('\n', ' ');
            if (cell.length() > widths[i]) {
                cell = cell.substring(0, widths[i] - 1) + "…";
            }
            text.append(cell).append(" ".repeat(widths[i] - cell.length()));
            if (i < widths.length - 1) {
                text.append(GAP);
            }
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    /** The table as indented JSON: its columns, and each row's cells and measurements. */
    public static String json(ExperimentTable table) {
        return io.mlexp.util.Json.mapper().valueToTree(table.asMap()).toPrettyString();
    }

    /** A GitHub table, columns left-aligned as records write them; cells escaped. */
    public static String markdown(ExperimentTable table) {
        var out = new StringBuilder();
        out.append('|');
        table.columns().forEach(column -> out.append(' ').append(Markdown.inline(column.header())).append(" |"));
        out.append("\n|");
        table.columns().forEach(column -> out.append(":---|"));
        out.append('\n');
        for (var row : table.cellsInOrder()) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(Markdown.inline(cell)).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    /** A table whose headers sort it when clicked (the report's script does it); differing columns are marked. */
    public static String html(ExperimentTable table) {
        var out = new StringBuilder("<table class=\"experiments sortable\" id=\"experiments\"><thead><tr>");
        table.columns().forEach(column -> out.append("<th class=\"").append(column.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append(column.differs() ? " differs" : "").append("\">").append(Html.escape(column.header())).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (var row : table.cellsInOrder()) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }
}
