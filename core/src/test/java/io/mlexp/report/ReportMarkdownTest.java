package io.mlexp.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.history.HistoryEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {
    @Test
    void listsFailedGatesFirstThenADiffTable() {
        var markdown = ReportMarkdown.render(ReportFixtures.facts(ReportFixtures.history(3), "    accuracy: { min: 0.95 }\n"),
                "https://ci.example/job/7/report/index.html");

        assertThat(markdown.lines().toList()).startsWith("## mlexp report: v0.2", "", "**Quality gates failed**", "",
                "- :x: gate on 'accuracy': 0.8667 is below the minimum 0.95".replace("0.8667", "0.866667"));
        assertThat(markdown).contains("| Metric | v0.1 | v0.2 | Change |", "| accuracy | 0.8333 | 0.8667 | +0.03333 (+4.0%) :white_check_mark: |",
                "| loss | 0.3333 | 0.2500 | -0.08333 (-25.0%) :white_check_mark: |",
                "Smoke training: **passed** on the container engine in 42.0 s.", "[Full report](https://ci.example/job/7/report/index.html)");
    }

    @Test
    void staysWithinGitHubsLimitAndSaysWhatItLeftOut() {
        var metrics = new LinkedHashMap<String, Double>();
        for (int i = 0; i < 5_000; i++) {
            metrics.put("a_rather_long_metric_name_number_" + i, (double) i);
        }
        var entry = new HistoryEntry(1, Optional.of("v|1"), "abcdef1", Instant.EPOCH, "tag", metrics, Optional.empty(), Map.of(),
                Optional.empty());

        var markdown = ReportMarkdown.render(Reports.facts("t", entry, Optional.empty(), List.of(entry), Map.of(), List.of(),
                Optional.empty(), List.of(), List.of()), "index.html");

        assertThat(markdown.length()).isLessThanOrEqualTo(io.mlexp.util.Markdown.COMMENT_LIMIT);
        assertThat(markdown).containsPattern("\\d+ more metrics are in the HTML report").contains("| v\\|1 |");
    }
}
