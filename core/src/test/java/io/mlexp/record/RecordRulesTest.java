package io.mlexp.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.RecordConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record rules on real records: the team's Chinese template, the example's English records, a half-written one. */
class RecordRulesTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "digits");

    @TempDir
    Path repo;

    private final RecordParser parser = new RecordParser();

    @BeforeEach
    void configs() throws IOException {
        Files.createDirectories(repo.resolve("configs"));
        Files.copy(resource("resnet18.yaml"), repo.resolve("configs/resnet18.yaml"));
    }

    @Test
    void shouldAcceptTheTeamsChineseTemplateAndCompareItsTableByMeaning() throws IOException {
        var record = parser.parse(Files.readString(resource("EXP-023.md")), "experiments/EXP-023.md");

        assertThat(record.id(RecordConfig.defaults().idPattern().pattern())).get()
                .extracting(ExperimentRecord.Located::text).isEqualTo("EXP-023");
        assertThat(record.sections()).containsKeys(io.mlexp.config.RecordSection.GOAL, io.mlexp.config.RecordSection.RESULTS);
        assertThat(record.config()).get().extracting(ExperimentRecord.Located::text).isEqualTo("configs/resnet18.yaml");

        var findings = check(record, RecordConfig.defaults());

        assertThat(findings).noneMatch(Finding::isError);
        assertThat(findings).as("'Learning Rate' is the config's optimizer.lr: the only leaf of that usual name")
                .extracting(Finding::format).containsExactly(
                "experiments/EXP-023.md:25:15: warning: '0.9347' has more than two decimals [record-results-decimals]"
                        + " (round key numbers to two decimals; the team template asks for it)");
    }

    @Test
    void shouldQuoteTheCellAndTheYamlValueWhenTheyDiffer() throws IOException {
        var record = parser.parse(Files.readString(resource("template-shaped.md")), "experiments/EXP-024.md");

        var findings = check(record, RecordConfig.defaults());

        assertThat(findings).filteredOn(Finding::isError).extracting(Finding::format).containsExactly(
                "experiments/EXP-024.md:20:1: error: the section 'Results' is empty [record-section-empty]"
                        + " (write it before the pull request is merged; record.required-sections lists it)",
                "experiments/EXP-024.md:23:1: error: the section 'Conclusion' is empty [record-section-empty]"
                        + " (write it before the pull request is merged; record.required-sections lists it)",
                "experiments/EXP-024.md:16:18: error: 'batch_size' is '256' here but '128' in configs/resnet18.yaml:3:13"
                        + " [record-config-mismatch] (the record must describe the config it names: correct the table or"
                        + " the config)");
        assertThat(findings).filteredOn(finding -> !finding.isError()).extracting(Finding::ruleId)
                .containsExactly("record-table-alignment", "record-single-h1");
    }

    @Test
    void shouldSwitchTheConventionsOffOneByOne() throws IOException {
        var record = parser.parse(Files.readString(resource("template-shaped.md")), "experiments/EXP-024.md");
        var config = new ConfigLoader().parse("version: 1\nrecord:\n  warnings: [single-h1]\n", ".mlexp.yml").record();

        assertThat(check(record, config)).filteredOn(finding -> !finding.isError()).extracting(Finding::ruleId)
                .containsExactly("record-single-h1");
    }

    @Test
    void shouldAcceptTheExampleRecordsInBothLanguages() throws IOException {
        Files.createDirectories(repo.resolve("configs"));
        for (var config : List.of("base.yaml", "small.yaml")) {
            Files.copy(EXAMPLE.resolve("configs").resolve(config), repo.resolve("configs").resolve(config));
        }
        for (var id : List.of("EXP-001", "EXP-002")) {
            var path = "experiments/" + id + ".md";
            var record = parser.parse(Files.readString(EXAMPLE.resolve(path), StandardCharsets.UTF_8), path);

            assertThat(check(record, RecordConfig.defaults())).as(id).noneMatch(Finding::isError);
        }
    }

    @Test
    void shouldRequireAnIdThatMatchesThePatternAndTheFileName() {
        var noId = parser.parse("# Baseline\n\n## Goal\nx\n", "experiments/EXP-030.md");
        var wrongFile = parser.parse("# EXP-031: baseline\n", "experiments/EXP-030.md");
        var tooShort = parser.parse("# EXP-3: baseline\n", "experiments/EXP-3.md");
        var untitled = parser.parse("## Goal\nx\n", "experiments/EXP-032.md");

        assertThat(check(noId, RecordConfig.defaults())).extracting(Finding::format).first().asString()
                .isEqualTo("experiments/EXP-030.md:1:3: error: the title 'Baseline' names no ID matching /EXP-\\d{3,}/"
                        + " [record-id-missing] (start the record with '# EXP-030: <title>' or '# 实验ID: EXP-030')");
        assertThat(check(wrongFile, RecordConfig.defaults())).extracting(Finding::ruleId).contains("record-id-file-name");
        assertThat(check(tooShort, RecordConfig.defaults())).extracting(Finding::ruleId).contains("record-id-missing");
        assertThat(check(untitled, RecordConfig.defaults())).extracting(Finding::ruleId).contains("record-id-missing");
    }

    @Test
    void shouldNameEverySectionThatIsMissing() {
        var record = parser.parse("# EXP-040: x\n\n## Goals:\nA goal.\n\n## Hyper-parameters\n| a | b |\n|:--|:--|\n",
                "experiments/EXP-040.md");

        assertThat(check(record, RecordConfig.defaults())).filteredOn(f -> f.ruleId().equals("record-section-missing"))
                .extracting(Finding::message).containsExactly(
                        "the required section 'Hypothesis' (假设) is missing",
                        "the required section 'Results' (结果) is missing",
                        "the required section 'Conclusion' (结论) is missing");
    }

    @Test
    void shouldReportAReusedIdOnTheLaterRecord() {
        var rules = new RecordRules(RecordConfig.defaults());
        var first = parser.parse("# EXP-050: a\n", "experiments/EXP-050.md");
        var copy = parser.parse("# EXP-050: b\n", "experiments/old/EXP-050.md");

        assertThat(rules.uniqueIds(List.of(first, copy))).extracting(Finding::format).containsExactly(
                "experiments/old/EXP-050.md:1:3: error: the ID EXP-050 is already used by experiments/EXP-050.md:1:3"
                        + " [record-id-duplicate] (give this record the next free ID: mlexp record new)");
    }

    @Test
    void theTableIsComparedWithTheConfigAsItsFrameworkReadsItInheritedAndInterpolated() throws IOException {
        Files.createDirectories(repo.resolve("configs/_base_"));
        Files.writeString(repo.resolve("configs/_base_/optim.yaml"), "optimizer:\n  lr: 0.1\n  momentum: 0.9\n");
        Files.writeString(repo.resolve("configs/run.yaml"), "_base_: _base_/optim.yaml\nbase_lr: 0.02\n"
                + "optimizer:\n  lr: ${base_lr}\nbatch_size: 64\n");
        var record = parser.parse("---\nconfig: configs/run.yaml\n---\n# EXP-061: x\n\n## Hyperparameters\n"
                + "| Parameter | Value |\n|:--|:--|\n| optimizer.lr | 0.02 |\n| optimizer.momentum | 0.8 |\n", "experiments/EXP-061.md");

        assertThat(check(record, RecordConfig.defaults())).filteredOn(finding -> finding.ruleId().startsWith("record-config")
                || finding.ruleId().startsWith("record-param")).extracting(Finding::format).containsExactly(
                "experiments/EXP-061.md:10:24: error: 'optimizer.momentum' is '0.8' here but '0.9' in configs/_base_/optim.yaml:3:13"
                        + " [record-config-mismatch] (the record must describe the config it names: correct the table or the config)");
    }

    @Test
    void shouldNeverReadAConfigOutsideTheRepository() throws IOException {
        Files.writeString(repo.getParent().resolve("secret.yaml"), "batch_size: 1\n");
        var record = parser.parse("---\nconfig: ../secret.yaml\n---\n# EXP-060: x\n\n## Hyperparameters\n"
                + "| Parameter | Value |\n|:--|:--|\n| batch_size | 1 |\n", "experiments/EXP-060.md");

        assertThat(check(record, RecordConfig.defaults())).extracting(Finding::ruleId).contains("record-config-missing");
    }

    private List<Finding> check(ExperimentRecord record, RecordConfig config) {
        return new RecordRules(config).check(record, RepoReader.workingTree(repo));
    }

    private static Path resource(String name) {
        return Path.of("src", "test", "resources", "records", name);
    }
}
