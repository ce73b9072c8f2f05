package io.mlexp.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.experiments.ExperimentTable;
import io.mlexp.experiments.ExperimentTable.Column;
import io.mlexp.experiments.ExperimentTable.Kind;
import io.mlexp.experiments.ExperimentTableFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment table in headless Chromium: a click on a heading sorts it, numbers by value, empty cells last. */
class ExperimentTableBrowserTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        Chromium.assumeInstalled("ExperimentTableBrowserTest");
    }

    @Test
    void aClickOnAHeadingSortsTheRowsByValueAndASecondClickReversesThem() throws Exception {
        var table = new ExperimentTable(List.of(new Column("id", Kind.ID, false), new Column("lr", Kind.PARAMETER, true),
                new Column("measured accuracy", Kind.MEASURED, false)), List.of(
                row("EXP-001", "0.001", "0.9"), row("EXP-002", "0.0003", ""), row("EXP-003", "0.01", "0.95"), row("EXP-004", "0.003", "0.12")));
        var page = dir.resolve("table.html");
        Files.writeString(page, "<!DOCTYPE html><html><body>" + ExperimentTableFormats.html(table) + "<script>"
                + ExperimentTableFormats.SORT_SCRIPT + "</script><script>"
                + "var th = document.querySelectorAll('#experiments th');"
                + "th[1].click(); document.body.dataset.byLr = ids();"
                + "th[2].click(); th[2].click(); document.body.dataset.byAccuracyDescending = ids();"
                + "function ids() { return Array.prototype.map.call(document.querySelectorAll('#experiments tbody tr'),"
                + " function (r) { return r.cells[0].textContent; }).join(' '); }</script></body></html>");

        var body = Jsoup.parse(Chromium.open(page, dir, "--dump-dom").output()).body();

        assertThat(body.attr("data-by-lr")).as("0.0003 before 0.001: by value, not as text").isEqualTo("EXP-002 EXP-001 EXP-004 EXP-003");
        assertThat(body.attr("data-by-accuracy-descending")).as("the empty cell stays last")
                .isEqualTo("EXP-003 EXP-001 EXP-004 EXP-002");
        assertThat(body.select("#experiments th").get(2).hasClass("desc")).isTrue();
    }

    private static ExperimentTable.Row row(String id, String lr, String accuracy) {
        return new ExperimentTable.Row("experiments/" + id + ".md", accuracy.isEmpty() ? Map.of("id", id, "lr", lr)
                : Map.of("id", id, "lr", lr, "measured accuracy", accuracy), List.of());
    }
}
