package io.mlexp.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.RecordConfig;
import io.mlexp.history.HistoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment table of a repository with records, the configs they name (one inherited) and a history. */
class ExperimentsTest {
    @TempDir
    Path repository;
    private final List<Finding> warnings = new ArrayList<>();
    private ExperimentTable table;

    @BeforeEach
    void repository() throws Exception {
        write("configs/base.yaml", "optim:\n  lr: 0.001\n  name: adamw\ndata:\n  batch_size: 64\nseed: 42\n");
        write("configs/wide.yaml", "_base_: base.yaml\nmodel:\n  hidden: 256\noptim:\n  lr: 0.0003\n");
        write("experiments/EXP-001.md", record("EXP-001", "Baseline", "configs/base.yaml", "| accuracy | 0.91 |", ""));
        write("experiments/EXP-002.md", record("EXP-002", "Wider hidden layer", "configs/wide.yaml", "| accuracy | 0.93 |",
                "status: abandoned\n"));
        write("experiments/sub/EXP-003.md", record("EXP-003", "Plan: cosine schedule", "configs/base.yaml", "", ""));
        var history = List.of(entry("v1.0", "2026-10-01", "EXP-001", 0.9012), entry("v1.1", "2026-10-08", "EXP-001", 0.9104),
                entry("v1.2", "2026-10-15", "EXP-002", 0.9301), entry("v1.3", "2026-10-20", null, 0.5));
        table = Experiments.table(repository, RecordConfig.defaults(), history, warnings);
    }

    @Test
    void shouldListEveryRecordWithItsConfigItsClaimsAndItsNewestMeasurement() {
        assertThat(warnings).isEmpty();
        assertThat(table.columns()).extracting(ExperimentTable.Column::header).containsExactly("id", "title", "status",
                "optim.lr *", "model.hidden *", "optim.name", "data.batch_size", "seed", "claimed accuracy", "measured accuracy",
                "measured at");
        assertThat(table.rows()).extracting(row -> row.cell("id")).containsExactly("EXP-001", "EXP-002", "EXP-003");
        var baseline = table.rows().get(0);
        assertThat(baseline.cell("title")).isEqualTo("Baseline");
        assertThat(baseline.cell("status")).isEqualTo("measured");
        assertThat(baseline.cell("claimed accuracy")).isEqualTo("0.91");
        assertThat(baseline.cell("measured accuracy")).isEqualTo("0.9104");
        assertThat(baseline.cell("measured at")).as("tag, commit, date").isEqualTo("v1.1 v11v11v 2026-10-08");
        assertThat(baseline.measurements()).extracting(ExperimentTable.Measurement::label).containsExactly("v1.1", "v1.0");
        var wide = table.rows().get(1);
        assertThat(wide.cell("status")).as("the front matter's status wins").isEqualTo("abandoned");
        assertThat(wide.cell("optim.lr")).as("the config's own value over the base's").isEqualTo("0.0003");
        assertThat(wide.cell("optim.name")).as("inherited from base.yaml").isEqualTo("adamw");
        assertThat(table.rows().get(2).cell("status")).isEqualTo("planned");
        assertThat(table.rows().get(2).cell("measured accuracy")).isEmpty();
    }

    @Test
    void shouldSortByValueFilterByConditionsAndKeepOnlyTheDifferingHyperparameters() {
        assertThat(table.sortedBy("optim.LR", false).rows()).extracting(row -> row.cell("id")).containsExactly("EXP-002", "EXP-001", "EXP-003");
        assertThat(table.sortedBy("measured accuracy", true).rows()).extracting(row -> row.cell("id"))
                .as("empty cells last either way").containsExactly("EXP-002", "EXP-001", "EXP-003");
        assertThat(table.filtered(List.of("optim.lr<0.001")).rows()).extracting(row -> row.cell("id")).containsExactly("EXP-002");
        assertThat(table.filtered(List.of("title~PLAN", "status!=measured")).rows()).extracting(row -> row.cell("id"))
                .containsExactly("EXP-003");
        assertThat(table.onlyDiffering().columns()).extracting(ExperimentTable.Column::name)
                .doesNotContain("seed", "optim.name").contains("optim.lr", "model.hidden", "claimed accuracy");
    }

    @Test
    void shouldRefuseAnUnknownColumnOrAConditionThatComparesWords() {
        assertThatThrownBy(() -> table.sortedBy("optim.lrr", false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no column 'optim.lrr'; did you mean 'optim.lr'?");
        assertThatThrownBy(() -> table.filtered(List.of("seed>high"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("> compares numbers, and 'high' is none");
        assertThatThrownBy(() -> table.filtered(List.of("seed"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not COLUMN=VALUE");
    }

    @Test
    void shouldFitATerminalByNarrowingAndThenLeavingOutAgreedHyperparametersFirst() {
        var wide = ExperimentTableFormats.text(table, 200);
        var narrow = ExperimentTableFormats.text(table, 80);

        assertThat(wide.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(200));
        assertThat(wide).contains("optim.lr *").contains("* the hyperparameter differs between experiments").doesNotContain("left out");
        assertThat(narrow.lines().filter(line -> !line.contains("left out")))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(narrow).contains("optim.lr *", "Wider hidden …").contains("5 columns left out to fit 80 characters (optim.name,"
                + " data.batch_size, seed, claimed accuracy, measured at)");
    }

    @Test
    void shouldWriteMarkdownAndASortableHtmlTableWithEveryCellEscaped() throws Exception {
        write("experiments/EXP-004.md", record("EXP-004", "Tom & Jerry <3 | pipes", "configs/base.yaml", "", ""));
        var withHostileTitle = Experiments.table(repository, RecordConfig.defaults(), List.of(), warnings);

        var markdown = ExperimentTableFormats.markdown(withHostileTitle);
        var html = ExperimentTableFormats.html(withHostileTitle);

        assertThat(markdown).startsWith("| id | title | status | optim.lr \\* |").contains("| EXP-004 | Tom & Jerry \\<3 \\| pipes |");
        assertThat(html).startsWith("<table class=\"experiments sortable\" id=\"experiments\">")
                .contains("<th class=\"parameter differs\">optim.lr *</th>").contains("<td>Tom &amp; Jerry &lt;3 | pipes</td>");
    }

    @Test
    void shouldLeaveOutAnUnreadableRecordWithAWarningThatNamesIt() throws Exception {
        write("experiments/EXP-009.ipynb", "{\"cells\": [");

        var withBroken = Experiments.table(repository, RecordConfig.defaults(), List.of(), warnings);

        assertThat(withBroken.rows()).hasSize(3);
        assertThat(warnings).extracting(Finding::ruleId).containsExactly("experiments-record");
        assertThat(warnings.get(0).location().file()).isEqualTo("experiments/EXP-009.ipynb");
    }

    private static String record(String id, String title, String config, String result, String frontMatter) {
        return "---\nconfig: " + config + "\n" + frontMatter + "---\n# " + id + ": " + title + "\n\n## Goal\nx\n\n## Results\n"
                + (result.isEmpty() ? "" : "| Metric | Value |\n|:---|:---|\n" + result + "\n");
    }

    private static HistoryEntry entry(String tag, String day, String record, double accuracy) {
        return new HistoryEntry(1, Optional.of(tag), tag.replace(".", "").repeat(10), Instant.parse(day + "T12:00:00Z"), "tag",
                Map.of("accuracy", accuracy), Optional.empty(), Map.of(), Optional.ofNullable(record));
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(repository.resolve(path).getParent());
        Files.writeString(repository.resolve(path), text);
    }
}
