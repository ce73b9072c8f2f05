package io.mlexp.report;

import io.mlexp.history.Comparison;
import io.mlexp.util.Markdown;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code summary.md}: GitHub-flavoured Markdown for a pull-request comment or a Checks summary:
 * failed gates first, then a metrics table like {@code dvc metrics diff --md}, the smoke verdict and a
 * link to the HTML report. Never longer than GitHub's 65,535 characters: rows that do not fit are
 * counted, not silently dropped.
 */
public final class ReportMarkdown {
    private static final int RESERVE = 600;

    private ReportMarkdown() {
    }

    public static String render(ReportFacts facts, String htmlLink) {
        var current = facts.current();
        var out = new Markdown.Bounded("", RESERVE);
        out.append("## ").append(inline(facts.title())).append("\n\n");
        if (facts.gatesFailed()) {
            out.append("**Quality gates failed**\n\n");
            facts.gates().forEach(gate -> out.append("- :x: ").append(inline(gate.message())).append('\n'));
            out.append('\n');
        } else {
            out.append("**Quality gates passed**\n\n");
        }
        var base = facts.comparison().base();
        out.append("| Metric | ").append(base.map(entry -> inline(entry.label())).orElse("before")).append(" | ")
                .append(inline(current.label())).append(" | Change |\n|:---|---:|---:|---:|\n");
        for (var delta : facts.comparison().deltas()) {
            out.add("| " + inline(delta.metric()) + " | " + number(delta.base()) + " | " + number(delta.current()) + " | "
                    + change(delta) + " |\n");
        }
        if (out.omitted() > 0) {
            out.append("\n" + out.omitted() + " more metrics are in the HTML report.\n");
        }
        out.append('\n');
        current.smoke().ifPresent(smoke -> out.append(String.format(Locale.ROOT, "Smoke training: **%s** on the %s engine in %.1f s.%n",
                inline(smoke.verdict()), inline(smoke.engine()), smoke.seconds())));
        var image = current.fingerprint().get("image");
        if (image != null) {
            out.append("Image: `").append(image.replace("`", "")).append("`\n");
        }
        current.record().ifPresent(record -> out.append("Experiment record: ").append(inline(record)).append('\n'));
        facts.experiments().filter(table -> !table.rows().isEmpty()).ifPresent(table -> out.add("\n### Experiments\n\n"
                + io.mlexp.experiments.ExperimentTableFormats.markdown(table.onlyDiffering())));
        out.append("\n[Full report](").append(htmlLink.replace(")", "%29").replace(" ", "%20")).append(")\n");
        return out.toString();
    }

    private static String change(Comparison.Delta delta) {
        var change = delta.change();
        if (change.isEmpty()) {
            return delta.verdict();
        }
        var text = new StringBuilder(signed(change.getAsDouble()));
        delta.relativeChange().ifPresent(relative -> text.append(String.format(Locale.ROOT, " (%+.1f%%)", relative * 100)));
        switch (delta.verdict()) {
            case "better" -> text.append(" :white_check_mark:");
            case "worse" -> text.append(" :small_red_triangle_down:");
            default -> { }
        }
        return text.toString();
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4g", value.getAsDouble()) : "–";
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4g", value);
    }

    private static String inline(String text) {
        return Markdown.inline(text);
    }
}
