package io.mlexp.experiments;

import io.mlexp.util.Html;
import io.mlexp.util.Markdown;
import java.util.ArrayList;
import java.util.List;

/** The experiment table for a terminal (fitted to its width), as Markdown, and as an HTML table the page sorts. */
public final class ExperimentTableFormats {
    private static final int NARROWEST = 5;
    private static final String GAP = "  ";

    private ExperimentTableFormats() {
    }

    /**
     * Columns padded to their widest cell, the widest shortened with {@code …} until the table fits {@code width}
     * characters (no column narrower than {@value #NARROWEST}); a line of differing marks under the header.
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
            hidden.add(0, dropped.name());
            widths = widths(table, shown);
        }
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

    /** The column to leave out first: a hyperparameter every row agrees on, else the rightmost. */
    private static int leastWanted(List<ExperimentTable.Column> columns) {
        for (int i = columns.size() - 1; i > 0; i--) {
            if (columns.get(i).kind() == ExperimentTable.Kind.PARAMETER && !columns.get(i).differs()) {
                return i;
            }
        }
        return columns.size() - 1;
    }

    /** Narrows the widest columns, none below its header (at most 16) or {@value #NARROWEST}; whether the table fits. */
    private static boolean fit(int[] widths, List<ExperimentTable.Column> columns, int width) {
        while (total(widths) > width) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                int floor = Math.max(NARROWEST, Math.min(16, columns.get(i).header().length()));
                if (widths[i] > floor && (widest < 0 || widths[i] > widths[widest])) {
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
