package io.mlexp.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.InvalidInputException;
import io.mlexp.config.RecordConfig;
import io.mlexp.history.HistoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record results writes mlexp's block into Results, and nothing else, once. */
class RecordResultsTest {
    private static final String RECORD = """
            # EXP-001: Baseline

            ## Goal
            A baseline.

            ## Results
            The loss falls steadily; see below.

            ## Conclusion
            Keep it.
            """;

    @TempDir
    Path repository;
    private Path smoke;

    @BeforeEach
    void recordAndSmokeRun() throws Exception {
        write("experiments/EXP-001.md", RECORD);
        smoke = repository.resolve(".mlexp/smoke");
        var lines = new StringBuilder();
        for (int step = 0; step < 50; step++) {
            lines.append("{\"step\": ").append(step).append(", \"loss\": ").append(2.0 / (step + 1)).append(", \"accuracy\": ")
                    .append(0.5 + step * 0.00912).append("}\n");
        }
        write(".mlexp/smoke/metrics.jsonl", lines.toString());
    }

    @Test
    void shouldFillResultsAndLinkTheCurveLeavingEveryOtherLineAsItWas() throws Exception {
        var outcome = RecordResults.fromSmoke(repository, RecordConfig.defaults(), "EXP-001", smoke, ".mlexp/smoke");

        assertThat(outcome.changed()).containsExactly("experiments/EXP-001-loss.svg", "experiments/EXP-001.md");
        var text = read("experiments/EXP-001.md");
        assertThat(text).isEqualTo(RECORD.replace("see below.\n", "see below.\n\n" + ResultsWriter.START + "\n"
                + "| Metric | Value |\n|:---|:---|\n| loss | 0.04 |\n| accuracy | 0.95 |\n\n"
                + "Measured by the smoke run in `.mlexp/smoke`: the last of 50 logged steps.\n\n"
                + "![Loss curve](EXP-001-loss.svg)\n" + ResultsWriter.END + "\n"));
        assertThat(read("experiments/EXP-001-loss.svg")).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<polyline").contains(">loss</text>").endsWith("</svg>\n");
    }

    @Test
    void shouldChangeNothingTheSecondTimeAndOnlyTheBlockWhenResultsChange() throws Exception {
        RecordResults.fromSmoke(repository, RecordConfig.defaults(), "EXP-001", smoke, ".mlexp/smoke");
        var first = read("experiments/EXP-001.md");

        var again = RecordResults.fromSmoke(repository, RecordConfig.defaults(), "EXP-001", smoke, ".mlexp/smoke");

        assertThat(again.changed()).isEmpty();
        assertThat(read("experiments/EXP-001.md")).isEqualTo(first);

        var tagged = new HistoryEntry(1, Optional.of("v1.0"), "c".repeat(40), Instant.parse("2026-11-30T08:00:00Z"), "tag",
                Map.of("val_accuracy", 0.9134), Optional.empty(), Map.of(), Optional.of("EXP-001"));
        var fromTag = RecordResults.fromTag(repository, RecordConfig.defaults(), "EXP-001", "v1.0", List.of(tagged));

        assertThat(fromTag.changed()).containsExactly("experiments/EXP-001.md");
        var text = read("experiments/EXP-001.md");
        assertThat(text).contains("| val_accuracy | 0.91 |\n\nMeasured at tag `v1.0` (commit ccccccc, 2026-11-30).\n")
                .doesNotContain("| loss |").endsWith("## Conclusion\nKeep it.\n");
        assertThat(text.split(ResultsWriter.START, -1)).hasSize(2);
    }

    @Test
    void shouldAddAResultsSectionToARecordWithoutOne() throws Exception {
        write("experiments/EXP-002.md", "# EXP-002: Draft\n\n## Goal\nx\n");

        RecordResults.fromSmoke(repository, RecordConfig.defaults(), "EXP-002", smoke, ".mlexp/smoke");

        assertThat(read("experiments/EXP-002.md")).startsWith("# EXP-002: Draft\n\n## Goal\nx\n\n## Results\n\n" + ResultsWriter.START);
    }

    @Test
    void shouldWriteNothingWhenTheBlockHasLostItsEndOrTheRecordIsANotebookOrTheTagIsUnknown() throws Exception {
        write("experiments/EXP-001.md", RECORD.replace("see below.\n", "see below.\n" + ResultsWriter.START + "\n| a | b |\n"));
        var broken = read("experiments/EXP-001.md");

        assertThatThrownBy(() -> RecordResults.fromSmoke(repository, RecordConfig.defaults(), "EXP-001", smoke, ".mlexp/smoke"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("experiments/EXP-001.md:8")
                .hasMessageContaining("has no end line");
        assertThat(read("experiments/EXP-001.md")).isEqualTo(broken);
        assertThat(repository.resolve("experiments/EXP-001-loss.svg")).doesNotExist();

        write("experiments/EXP-003.ipynb", "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"# EXP-003: nb\"}]}");
        assertThatThrownBy(() -> RecordResults.fromSmoke(repository, RecordConfig.defaults(), "EXP-003", smoke, ".mlexp/smoke"))
                .hasMessageContaining("is a notebook");
        assertThatThrownBy(() -> RecordResults.fromTag(repository, RecordConfig.defaults(), "EXP-001", "v9", List.of()))
                .hasMessageContaining("no entry of the history has the tag 'v9'");
        assertThatThrownBy(() -> RecordResults.fromSmoke(repository, RecordConfig.defaults(), "EXP-404", smoke, ".mlexp/smoke"))
                .hasMessageContaining("no record has the ID EXP-404");
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(repository.resolve(path).getParent());
        Files.writeString(repository.resolve(path), text);
    }

    private String read(String path) throws Exception {
        return Files.readString(repository.resolve(path));
    }
}
