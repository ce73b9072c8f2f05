package io.mlexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlexp experiments, and the claims record check makes against the history, as a user runs them. */
class ExperimentsCommandTest {
    @TempDir
    Path repo;

    @BeforeEach
    void repositoryWithTwoRecordsAndAHistory() throws Exception {
        Files.createDirectory(repo.resolve(".git"));
        Files.writeString(repo.resolve(".mlexp.yml"), "version: 1\n");
        write("configs/base.yaml", "lr: 0.001\nbatch_size: 64\n");
        write("configs/big.yaml", "lr: 0.001\nbatch_size: 256\n");
        write("experiments/EXP-001.md", "---\nconfig: configs/base.yaml\n---\n# EXP-001: Baseline\n\n## Results\n"
                + "| Metric | Value |\n|:---|:---|\n| accuracy | 91.00% |\n");
        write("experiments/EXP-002.md", "---\nconfig: configs/big.yaml\n---\n# EXP-002: Bigger batches\n");
        var entry = "{\"schema\": 1, \"tag\": \"v%s\", \"commit\": \"%s\", \"date\": \"2026-11-0%sT12:00:00Z\", \"context\": \"tag\","
                + " \"metrics\": {\"val_accuracy\": %s}, \"record\": \"%s\"}\n";
        write(".mlexp/history/history.jsonl", entry.formatted("1.0", "a".repeat(40), "1", "0.8512", "EXP-001")
                + entry.formatted("1.1", "b".repeat(40), "2", "0.9300", "EXP-002"));
    }

    @Test
    void shouldPrintTheTableSortedAndFilteredAsAskedInEachFormat() throws Exception {
        var text = CommandRun.in(repo, "experiments", "--sort", "-batch_size", "--width", "200");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out().lines().toList()).hasSize(5);
        assertThat(text.out().lines().toList().get(0)).startsWith("id       title           status    batch_size *  lr     claimed");
        assertThat(text.out().lines().toList().get(2)).startsWith("EXP-002  Bigger batches  measured  256").containsPattern("0.9300 +v1.1 bbbbbbb 2026-11-02");

        var markdown = CommandRun.in(repo, "--format", "markdown", "experiments", "--only-differing", "--filter", "status=measured");

        assertThat(markdown.out()).startsWith("| id | title | status | batch\\_size \\* | claimed accuracy |").doesNotContain("| lr |");

        var json = Json.mapper().readTree(CommandRun.in(repo, "--format", "json", "experiments").out());

        assertThat(json.at("/rows/0/cells/measured val_accuracy").asText()).isEqualTo("0.8512");
        assertThat(json.at("/rows/0/measurements/0/label").asText()).isEqualTo("v1.0");
        assertThat(json.at("/columns/3/differs").asBoolean()).isTrue();
    }

    @Test
    void shouldExitTwoOnAColumnThatIsNotThere() {
        var run = CommandRun.in(repo, "experiments", "--sort", "acuracy");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no column 'acuracy'");
    }

    @Test
    void shouldCheckTheRecordsClaimsAgainstTheHistory() {
        var run = CommandRun.in(repo, "record", "check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("experiments/EXP-001.md:9:14: error: claims accuracy 91.00%, but v1.0 (commit aaaaaaa) measured"
                + " val_accuracy 0.8512 (85.12%) [claim-metric-mismatch]").contains("claims against 2 history entries");
    }

    @Test
    void shouldWriteATagsResultsIntoTheRecordOnceAndRefuseTwoSources() throws Exception {
        var first = CommandRun.in(repo, "record", "results", "EXP-002", "--tag", "v1.1");
        var second = CommandRun.in(repo, "record", "results", "EXP-002", "--tag", "v1.1");
        var both = CommandRun.in(repo, "record", "results", "EXP-002", "--tag", "v1.1", "--from", ".mlexp/smoke");
        var noRun = CommandRun.in(repo, "record", "results", "EXP-002");

        assertThat(first.out()).isEqualTo("wrote 1 metric into experiments/EXP-002.md\n");
        assertThat(Files.readString(repo.resolve("experiments/EXP-002.md"))).contains("## Results\n\n<!-- mlexp results")
                .contains("| val_accuracy | 0.93 |");
        assertThat(second.out()).isEqualTo("experiments/EXP-002.md already holds these results; nothing changed\n");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(noRun.exitCode()).isEqualTo(2);
        assertThat(noRun.err()).contains(".mlexp/smoke: error: holds no metrics.jsonl: no smoke run wrote here");
    }

    @Test
    void shouldHoldAClaimAgainstAFullRunAppendedForItsRecord() throws Exception {
        write("runs/exp-002/metrics.jsonl", "{\"step\": 100, \"val_accuracy\": 0.9}\n");
        write("experiments/EXP-002.md", Files.readString(repo.resolve("experiments/EXP-002.md"))
                + "\n## Results\n| Metric | Value |\n|:---|:---|\n| accuracy | 0.95 |\n");

        var appended = CommandRun.in(repo, "history", "append", "--tag", "v1.2", "--commit", "c".repeat(40),
                "--metrics", "runs/exp-002/metrics.jsonl", "--record", "EXP-002");
        var check = CommandRun.in(repo, "record", "check", "experiments/EXP-002.md");

        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("experiments/EXP-002.md:9:14: error: claims accuracy 0.95, but v1.2 (commit ccccccc)"
                + " measured val_accuracy 0.9000 (90.00%) [claim-metric-mismatch]");
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }
}
