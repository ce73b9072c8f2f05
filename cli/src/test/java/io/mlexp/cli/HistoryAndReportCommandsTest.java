package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History and report commands outside a repository, with --history, as a CI job backfilling old tags would run them. */
class HistoryAndReportCommandsTest {
    @TempDir
    Path dir;

    @Test
    void backfillsTagsListsThemAndReportsTheLatestAgainstThePrevious() throws Exception {
        Files.writeString(dir.resolve("v1.jsonl"), "{\"step\": 10, \"loss\": 0.9, \"accuracy\": 0.70}\n{\"step\": 20, \"loss\": 0.5, \"accuracy\": 0.80}\n");
        Files.writeString(dir.resolve("v2.json"), "{\"loss\": 0.4, \"accuracy\": 0.83}\n");

        var first = CommandRun.in(dir, "history", "append", "--history", "h", "--tag", "v1.0", "--commit", "abcdef1",
                "--metrics", "v1.jsonl", "--date", "2026-03-01T12:00:00Z");
        var second = CommandRun.in(dir, "history", "append", "--history", "h", "--tag", "v1.1", "--commit", "abcdef2",
                "--metrics", "v2.json", "--date", "2026-04-01T12:00:00Z");
        var list = CommandRun.in(dir, "history", "list", "--history", "h");
        var report = CommandRun.in(dir, "report", "--history", "h", "--out", "out");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).contains("appended v1.1 (2 metrics) to " + dir.resolve("h/history.jsonl"));
        assertThat(list.out().lines().toList()).hasSize(3);
        assertThat(list.out()).contains("v1.0", "abcdef1", "2026-03-01 12:00", "0.800000", "v1.1", "0.830000");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("report of v1.1 against v1.0: ok");
        var page = Jsoup.parse(dir.resolve("out/index.html").toFile());
        assertThat(page.select("#metrics tr[data-metric=accuracy] td").eachText()).contains("0.8000", "0.8300");
        assertThat(Files.readString(dir.resolve("out/summary.md"))).contains("| accuracy | 0.8000 | 0.8300 |");
        assertThat(dir.resolve("out/report.json")).exists();
    }

    @Test
    void escapeSequencesInTagsAndMetricNamesNeverReachTheTerminal() throws Exception {
        var clear = "\u001b[2J\u001b]0;pwned\u0007";
        Files.writeString(dir.resolve("m.jsonl"), "{\"step\": 1, \"loss" + clear.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007")
                + "\": 0.5}\n");

        var appended = CommandRun.in(dir, "history", "append", "--history", "h", "--tag", "v1.0" + clear + "\u061c", "--commit",
                "abcdef1", "--metrics", "m.jsonl", "--date", "2026-03-01T12:00:00Z");
        var list = CommandRun.in(dir, "history", "list", "--history", "h");
        var report = CommandRun.in(dir, "report", "--history", "h", "--out", "out");

        assertThat(appended.exitCode()).as(appended.err()).isZero();
        for (var run : java.util.List.of(appended, list, report)) {
            assertThat(run.out() + run.err()).doesNotContain("\u001b", "\u0007", "\u061c");
        }
        assertThat(list.out()).contains("v1.0\\u001B[2J", "\\u061C");
        assertThat(report.out()).contains("report of v1.0\\u001B[2J");
    }

    @Test
    void anImportWithABadLineImportsNothingAndNamesTheLine() throws Exception {
        Files.writeString(dir.resolve("old.jsonl"), """
                {"schema": 1, "tag": "v0.1", "commit": "abcdef1", "date": "2025-01-01T00:00:00Z", "metrics": {"accuracy": 0.5}}
                {"schema": 1, "tag": "v0.2", "commit": "not-a-sha", "date": "2025-02-01T00:00:00Z", "metrics": {}}
                """);

        var run = CommandRun.in(dir, "history", "import", "--history", "h", "old.jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("old.jsonl:2: error: 'commit' must be a hexadecimal commit ID");
        assertThat(dir.resolve("h/history.jsonl")).doesNotExist();
    }

    @Test
    void aFailedGateExitsOneAndComesFirst() throws Exception {
        Files.createDirectory(dir.resolve(".git"));
        Files.writeString(dir.resolve(".mlexp.yml"), "version: 1\npublish:\n  history: h\n  gates:\n    accuracy: { max-drop: 0.01 }\n");
        Files.writeString(dir.resolve("old.jsonl"), """
                {"schema": 1, "tag": "v1.0", "commit": "abcdef1", "date": "2025-01-01T00:00:00Z", "metrics": {"accuracy": 0.90}}
                {"schema": 1, "tag": "v1.1", "commit": "abcdef2", "date": "2025-02-01T00:00:00Z", "metrics": {"accuracy": 0.85}}
                """);

        var imported = CommandRun.in(dir, "history", "import", "old.jsonl");
        var report = CommandRun.in(dir, "report", "--format", "markdown");

        assertThat(imported.out()).contains("imported 2 entries into " + dir.resolve("h/history.jsonl"));
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.out()).contains("gate on 'accuracy': 0.85 against 0.9 in v1.0, a drop of 0.05; at most 0.01 allowed");
        assertThat(Files.readString(dir.resolve(".mlexp/report/summary.md"))).contains("**Quality gates failed**");
        assertThat(dir.resolve(".mlexp/report/index.html")).doesNotExist();
    }

    @Test
    void sayWhatIsMissing() {
        var outside = CommandRun.in(dir, "history", "list");
        var empty = CommandRun.in(dir, "report", "--history", "h");

        assertThat(outside.exitCode()).isEqualTo(3);
        assertThat(outside.err()).contains("outside a repository, name the history with --history DIR");
        assertThat(empty.exitCode()).isEqualTo(3);
        assertThat(empty.err()).contains("is empty: nothing to report");
        var missing = CommandRun.in(dir, "history", "list", "--history", "h");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("there is no history at " + dir.resolve("h/history.jsonl"));
    }

    @Test
    void badInputWithFormatJsonIsJsonOnStandardOutputSortedByPlace() throws Exception {
        Files.writeString(dir.resolve("m.jsonl"), "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2,\n{\"step\": 3, \"loss\": [1]}\n");

        var run = CommandRun.in(dir, "--format", "json", "history", "append", "--history", "h", "--tag", "v1", "--commit",
                "abcdef1", "--metrics", "m.jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.path("findings").get(0).path("file").asText()).isEqualTo("m.jsonl");
        assertThat(json.path("findings").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(run.err()).contains("m.jsonl:2");
    }
}
