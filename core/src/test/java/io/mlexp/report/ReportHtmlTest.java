package io.mlexp.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlexp.history.HistoryEntry;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The HTML report read as a document: what a reader sees, and that nothing in it reaches the network. */
class ReportHtmlTest {
    private static Document page(ReportFacts facts) {
        return Jsoup.parse(ReportHtml.render(facts));
    }

    @Test
    void showsVerdictsFirstThenMetricsWithDeltasThenOneTrendChartPerMetric() {
        var document = page(ReportFixtures.facts(ReportFixtures.history(5), "    accuracy: { min: 0.95 }\n"));

        assertThat(document.body().attr("data-verdict")).isEqualTo("failed");
        var sections = document.selectFirst("body > div.mlexp-report").children().stream().map(e -> e.id().isEmpty() ? e.tagName() : "#" + e.id()).toList();
        assertThat(sections.indexOf("#verdict")).isLessThan(sections.indexOf("#gates"));
        assertThat(sections.indexOf("#gates")).isLessThan(sections.indexOf("#metrics"));
        assertThat(document.select("#gates li.failed").text()).isEqualTo("gate on 'accuracy': 0.88 is below the minimum 0.95");
        var accuracy = document.selectFirst("#metrics tr[data-metric=accuracy]");
        assertThat(accuracy.className()).isEqualTo("better");
        assertThat(accuracy.select("td").eachText()).containsExactly("accuracy", "0.8600", "0.8800", "+0.02000 (+2.3%) better");
        assertThat(document.selectFirst("#metrics tr[data-metric=loss]").className()).isEqualTo("better");
        assertThat(document.select("[data-chart=trend]").eachAttr("data-metric")).containsExactly("loss", "accuracy", "samples_per_sec");
        assertThat(document.select("#chart-smoke")).hasSize(1);
        assertThat(document.select("#fingerprint td").eachText()).contains("NVIDIA H100");
        assertThat(document.select("article.record h1").text()).isEqualTo("EXP-009");
        assertThat(document.select("ul.commits li").text()).isEqualTo("abcdef123456 feat: wider layer");
    }

    @Test
    void theStylesAPageEmbedsTouchOnlyTheReportsOwnContainer() {
        var facts = ReportFixtures.facts(ReportFixtures.history(3), "");
        var rules = ReportHtml.style().replaceAll("\\{[^}]*}", "\n").lines().filter(line -> !line.isBlank()).toList();

        assertThat(rules).isNotEmpty();
        for (var rule : rules) {
            for (var selector : rule.split(",")) {
                assertThat(selector.strip()).as("a selector of the embedded styles").startsWith(".mlexp-report ");
            }
        }
        assertThat(Jsoup.parseBodyFragment(ReportHtml.fragment(facts)).body().children()).singleElement()
                .satisfies(container -> assertThat(container.className()).isEqualTo("mlexp-report"));
        assertThat(ReportHtml.sanitize(ReportHtml.fragment(facts))).startsWith("<div class=\"mlexp-report\">");
    }

    @Test
    void carriesItsDataAndEChartsInlineAndLoadsNothingFromOutside() throws Exception {
        var document = page(ReportFixtures.facts(ReportFixtures.history(3), ""));

        assertThat(document.select("script[src], link[href], img[src^=http], iframe")).isEmpty();
        assertThat(document.select("script").stream().anyMatch(s -> s.data().contains("echarts") && s.data().length() > 900_000)).isTrue();
        var data = JsonMapper.builder().build().readTree(document.getElementById("mlexp-data").data());
        assertThat(data.path("trend").path("entries")).hasSize(3);
        assertThat(data.path("smoke")).hasSize(51); // 50 steps and the evaluation line of digits-smoke.jsonl
        assertThat(data.path("verdict").asText()).isEqualTo("passed");
    }

    @Test
    void theFragmentForJenkinsHasTheSameSectionsAndNoScriptThatRuns() throws Exception {
        var facts = ReportFixtures.facts(ReportFixtures.history(3), "    accuracy: { min: 0.95 }\n");
        var fragment = Jsoup.parseBodyFragment(ReportHtml.fragment(facts));

        assertThat(fragment.select("#verdict").text()).startsWith("Quality gates failed");
        assertThat(fragment.select("#metrics tr[data-metric]")).hasSizeGreaterThan(1);
        assertThat(fragment.select("[data-chart=trend]")).hasSize(3);
        assertThat(fragment.select("script").eachAttr("type")).containsExactly("application/json");
        assertThat(fragment.select("h1:not(article h1), style, link")).isEmpty();
        assertThat(JsonMapper.builder().build().readTree(fragment.getElementById("mlexp-data").data()).path("verdict").asText())
                .isEqualTo("failed");
        assertThat(ReportHtml.render(facts)).contains(ReportHtml.fragment(facts).substring(0, 200));
    }

    @Test
    void sanitisingKeepsTheReportAndDropsWhatARogueAgentAdds() {
        var facts = ReportFixtures.facts(ReportFixtures.history(3), "");
        var tampered = ReportHtml.fragment(facts) + "<script>alert(1)</script><img src=x onerror=alert(2)>"
                + "<div onclick=\"alert(3)\" data-chart=\"smoke\">x</div><a href=\"javascript:alert(4)\">y</a>";

        var clean = Jsoup.parseBodyFragment(ReportHtml.sanitize(tampered));

        assertThat(clean.select("#verdict, #metrics, #fingerprint")).hasSize(3);
        assertThat(clean.select("[data-chart=trend]")).hasSize(3);
        assertThat(clean.select("#chart-smoke")).hasSize(1);
        assertThat(clean.select("script, [onerror], [onclick], a[href^=javascript]")).isEmpty();
        assertThat(clean.html()).doesNotContain("alert(1)");
    }

    @Test
    void historyTextNeverBecomesMarkup() throws Exception {
        var entries = new ArrayList<>(ReportFixtures.history(2));
        var hostile = "<img src=x onerror=alert(1)></script><script>alert(2)</script>";
        var last = entries.remove(1);
        entries.add(new HistoryEntry(1, Optional.of(hostile), last.commit(), last.date(), "tag", Map.of(hostile, 1.0),
                Optional.empty(), Map.of(hostile, hostile), Optional.empty()));

        var html = ReportHtml.render(ReportFixtures.facts(entries, ""));
        var document = Jsoup.parse(html);

        assertThat(document.select("img")).isEmpty();
        assertThat(document.select("script").stream().filter(s -> s.data().contains("alert(2)") && !s.hasAttr("type"))).isEmpty();
        assertThat(document.select("h1").first().text()).contains(hostile);
        var data = JsonMapper.builder().build().readTree(document.getElementById("mlexp-data").data());
        assertThat(data.path("current").path("tag").asText()).isEqualTo(hostile);
    }
}
