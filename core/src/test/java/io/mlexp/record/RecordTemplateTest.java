package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.RecordConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordTemplateTest {
    @TempDir
    Path repo;

    @Test
    void shouldTakeTheNextFreeId() {
        var pattern = Pattern.compile("EXP-\\d{3,}");

        assertThat(RecordTemplate.nextId(pattern, List.of("EXP-001", "EXP-023", "EXP-007"))).contains("EXP-024");
        assertThat(RecordTemplate.nextId(pattern, List.of("EXP-999"))).contains("EXP-1000");
        assertThat(RecordTemplate.nextId(pattern, List.of())).contains("EXP-001");
        assertThat(RecordTemplate.nextId(Pattern.compile("RUN\\d+"), List.of())).contains("RUN001");
        assertThat(RecordTemplate.nextId(Pattern.compile("[a-z]+-\\d{4}"), List.of())).isEmpty();
    }

    @Test
    void shouldWriteARecordThatNamesItsConfigAndListsItsValues() throws Exception {
        Files.createDirectories(repo.resolve("configs"));
        Files.writeString(repo.resolve("configs/x.yaml"), "lr: 0.001\noptimizer:\n  name: adam\nmilestones: [3, 6]\n");
        Files.createDirectories(repo.resolve("experiments"));
        Files.writeString(repo.resolve("experiments/EXP-007.md"), "# EXP-007: older\n");

        var written = NewRecord.write(repo, RecordConfig.defaults(), Optional.empty(), RecordTemplate.Language.ZH,
                Optional.of("configs/x.yaml"));

        assertThat(written).isEqualTo(repo.resolve("experiments/EXP-008.md"));
        var text = Files.readString(written);
        assertThat(text).startsWith("---\nconfig: configs/x.yaml\n---\n# 实验ID: EXP-008\n")
                .contains("## 目标\n", "| 参数 | 值 |\n|:-----|:---|\n| lr | 0.001 |\n| optimizer.name | adam |\n| milestones | [3, 6] |\n");
        var record = new RecordParser().parse(text, "experiments/EXP-008.md");
        var findings = new RecordRules(RecordConfig.defaults()).check(record, RepoReader.workingTree(repo));
        assertThat(findings).extracting(Finding::ruleId).containsOnly("record-section-empty");
        assertThat(findings).hasSize(4); // goal, hypothesis, results, conclusion wait for the author
    }

    @Test
    void shouldNeverOverwriteARecord() throws Exception {
        Files.createDirectories(repo.resolve("experiments"));
        Files.writeString(repo.resolve("experiments/EXP-003.md"), "mine");

        assertThatThrownBy(() -> NewRecord.write(repo, RecordConfig.defaults(), Optional.of("EXP-003"),
                RecordTemplate.Language.EN, Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exists already");
        assertThat(Files.readString(repo.resolve("experiments/EXP-003.md"))).isEqualTo("mine");
    }
}
