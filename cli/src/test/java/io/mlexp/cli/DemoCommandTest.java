package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path directory;

    @Test
    void shouldBuildTheExampleRepositoryRunEveryContextAndWriteTheReport() throws IOException {
        var run = CommandRun.in(directory, "demo", "--out", "demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("branch push main..exp/small-hidden", "pull request main...exp/small-hidden",
                "tag v1.0", "tag v1.1", "tag v1.2", "Report:     " + directory.resolve("demo/report/index.html"),
                "The tag v1.2 fails as the demo plants it", "Experiments (mlexp experiments --only-differing):");
        // the smoke training ran on the embedded engine, five times (three tags, branch, pull request), and learned
        assertThat(run.out().lines().filter(line -> line.contains("step 50/50"))).hasSize(5);
        // each tag's smoke config trains at its own rate, and the branch's changes it again: the runs differ
        var earlyLoss = new java.util.ArrayList<Double>();
        for (var report : java.util.List.of("tag-v1.0", "tag-v1.1", "pr")) {
            var smoke = io.mlexp.util.Json.mapper().readTree(directory.resolve("demo/report/" + report + "/report.json").toFile()).path("smoke");
            earlyLoss.add(smoke.get(5).path("loss").asDouble()); // the sixth step: later, every rate has learned the batches
        }
        assertThat(earlyLoss).doesNotHaveDuplicates();
        assertThat(run.out()).contains("embedded engine (as chosen)");
        var repository = directory.resolve("demo/repo");
        assertThat(repository.resolve("train.py")).exists();
        assertThat(repository.resolve(".gitignore")).exists();
        assertThat(repository.resolve("model.pt")).exists();
        assertThat(Files.readString(directory.resolve("demo/report/index.html")))
                .contains("<h2>tag v1.0</h2>", "data-stage=\"config\"", "data-stage=\"smoke\"", "data-stage=\"publish\"",
                        "href=\"tag-v1.0/index.html\"", "href=\"tag-v1.2/index.html\"", "href=\"pr/index.html\"",
                        "<table class=\"experiments sortable\" id=\"experiments\">");
        // the tags made the history; the pull request was compared with the last
        assertThat(Files.readString(directory.resolve("demo/report/pr/summary.md"))).contains("| Metric | v1.2 |", "**Quality gates passed**");
        assertThat(directory.resolve("demo/report/tag-v1.0/index.html")).exists();
        assertThat(Jsoup.parse(directory.resolve("demo/report/pr/index.html").toFile()).select("article.record h1").text())
                .isEqualTo("实验ID: EXP-002");
        assertThat(repository.resolve(".mlexp/smoke/smoke.json")).content().contains("\"verdict\" : \"passed\"");
    }

    @Test
    void shouldRefuseADirectoryThatIsNotEmpty() throws IOException {
        Files.writeString(directory.resolve("notes.txt"), "keep me");

        var run = CommandRun.in(directory, "demo", "--out", directory.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not empty");
        assertThat(Files.readString(directory.resolve("notes.txt"))).isEqualTo("keep me");
    }
}
