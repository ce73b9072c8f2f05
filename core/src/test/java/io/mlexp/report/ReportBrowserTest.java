package io.mlexp.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium opens it from disk with every host name
 * unresolvable, and every chart must have drawn (an SVG with paths) without a script error. A
 * screenshot is kept in target/report-screenshot.png. Skipped, with the reason, without Chromium.
 */
class ReportBrowserTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        Chromium.assumeInstalled("ReportBrowserTest");
    }

    @Test
    void everyChartDrawsOfflineWithoutErrors() throws Exception {
        var facts = ReportFixtures.facts(ReportFixtures.history(30), "    accuracy: { max-drop: 0.001 }\n");
        var page = Reports.write(dir, facts, EnumSet.of(Reports.Format.HTML)).get(0);

        var dom = Jsoup.parse(chromium(page, "--dump-dom"));

        assertThat(dom.body().attr("data-errors")).isEmpty();
        var charts = dom.select("div.chart");
        assertThat(charts).hasSize(4); // the smoke run and loss, accuracy, samples_per_sec across 30 tags
        assertThat(dom.body().attr("data-charts")).isEqualTo("4");
        for (var chart : charts) {
            assertThat(chart.select("svg path").size()).as(chart.id()).isGreaterThan(5);
        }
        assertThat(dom.select("[data-chart=trend] svg text").eachText()).contains("loss", "accuracy", "samples_per_sec", "v0.0", "v0.28");

        var screenshot = Path.of("target/report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(page, "--screenshot=" + screenshot, "--window-size=1100,1800", "--hide-scrollbars");
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    }

    private String chromium(Path page, String... extra) throws Exception {
        var run = Chromium.open(page, dir, extra);
        assertThat(run.log()).doesNotContain("Uncaught", "CONSOLE");
        return run.output();
    }
}
