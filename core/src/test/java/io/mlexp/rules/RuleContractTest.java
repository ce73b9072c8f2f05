package io.mlexp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.check.Rule;
import io.mlexp.check.SourceLocation;
import io.mlexp.commit.CommitMessage;
import io.mlexp.commit.CommitRules;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.MlexpConfig;
import io.mlexp.config.TrainingConfigRules;
import io.mlexp.files.FileRules;
import io.mlexp.files.RepoFile;
import io.mlexp.history.Comparison;
import io.mlexp.history.HistoryFormat;
import io.mlexp.history.QualityGates;
import io.mlexp.metrics.Expectations;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.experiments.ClaimCheck;
import io.mlexp.experiments.Claimed;
import io.mlexp.experiments.Claims;
import io.mlexp.config.ConfigValues;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlexp.history.History;
import io.mlexp.image.ImageTagVersions;
import io.mlexp.history.HistoryEntry;
import io.mlexp.record.NamedRecordCheck;
import io.mlexp.record.PullRequestRecordCheck;
import io.mlexp.record.RecordParser;
import io.mlexp.smoke.LocalEngine;
import io.mlexp.yaml.YamlMapping;
import io.mlexp.yaml.YamlReader;
import io.mlexp.record.RecordRules;
import io.mlexp.record.RepoReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every registered rule keeps, as analysis-model's parser tests keep theirs: an ID, a summary, an input
 * it passes and one it fails, run through the check of its family as a user's repository would run it, and a finding
 * that names where the problem is.
 */
class RuleContractTest {
    private static final String CONFIG_FILE = ".mlexp.yml";

    @TempDir
    Path base;
    private Path repository;

    @Test
    void theCataloguesRegisterRulesOfEveryFamilyUnderDistinctWellFormedIds() {
        assertThat(Rules.all()).hasSizeGreaterThan(40);
        assertThat(Rules.all()).extracting(Rule::family).contains(Rule.Family.values());
        assertThat(Rules.all()).allSatisfy(rule -> {
            assertThat(rule.id()).matches("[a-z]+(-[a-z0-9]+)+");
            assertThat(rule.summary()).isNotBlank().endsWith(".");
        });
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFailsItsFailingExampleAndPassesItsPassingOne() {
        return Rules.all().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            var failing = findings(rule.failing(), rule.id());
            assertThat(failing).as("%s: its failing example", rule.id()).extracting(Finding::ruleId).contains(rule.id());
            for (var finding : failing.stream().filter(f -> f.ruleId().equals(rule.id())).toList()) {
                assertThat(finding.severity()).as("%s: reported at its documented severity", rule.id()).isEqualTo(rule.severity());
                if (rule.family() == Rule.Family.PULL_REQUESTS) {
                    assertThat(finding.location().file()).as("%s: names the range or the commit", rule.id())
                            .matches("base\\.\\.HEAD|commit [0-9a-f]{7}");
                } else {
                    assertThat(finding.location().file()).as("%s: names the file", rule.id()).isIn(rule.failing().path(), CONFIG_FILE);
                }
                if (finding.location().file().equals(CONFIG_FILE)) {
                    assertThat(finding.location().hasLine()).as("%s: a setting's finding names its line", rule.id()).isTrue();
                }
                assertThat(finding.message()).isNotBlank();
            }
            assertThat(findings(rule.passing(), rule.id())).as("%s: its passing example", rule.id())
                    .extracting(Finding::ruleId).doesNotContain(rule.id());
        }));
    }

    private List<Finding> findings(Rule.Example example, String id) {
        var config = new ConfigLoader().parse("version: 1\n" + example.config(), CONFIG_FILE);
        return switch (Rules.find(id).orElseThrow().family()) {
            case COMMITS -> new CommitRules(config.commits(), config.record()).check(CommitMessage.parse(example.text(), "#"), example.path());
            case FILES -> files(config, example);
            case RECORDS -> records(config, example);
            case PULL_REQUESTS -> pullRequest(config, example);
            case SMOKE -> example.path().endsWith("smoke.json") ? fingerprint(config, example)
                    : Expectations.check(config.smoke(), MetricsReader.jsonLines(example.text(), example.path()), example.path());
            case SMOKE_COMMANDS -> smokeCommand(config, example);
            case GATES -> gates(config, example);
        };
    }

    /** A repository of the example's files (tagged {@code base}) and one commit with the example's message that changes its file. */
    private List<Finding> pullRequest(MlexpConfig config, Rule.Example example) {
        var root = write(example);
        git(root, "add", "-A");
        git(root, "commit", "-q", "--allow-empty", "-m", "chore: start");
        git(root, "tag", "base");
        writeFile(root, example.path(), "print('changed')\n");
        git(root, "add", "-A");
        git(root, "commit", "-q", "-m", example.text());
        var findings = new ArrayList<>(new PullRequestRecordCheck(config.record()).check(root, "base", "HEAD").findings());
        findings.addAll(new NamedRecordCheck(config.record()).check(root, Optional.of("base"), "HEAD").findings());
        return findings;
    }

    /** The example's script run by the local engine as {@code smoke.command} says. */
    private List<Finding> smokeCommand(MlexpConfig config, Rule.Example example) {
        var root = write(example);
        writeFile(root, example.path(), example.text());
        return LocalEngine.run(config.smoke(), root, root.resolve(".mlexp/smoke"), "contract", line -> { }).findings();
    }

    private static void git(Path root, String... arguments) {
        var command = new ArrayList<>(List.of("git", "-C", root.toString(), "-c", "user.name=Contract", "-c", "user.email=contract@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        try {
            assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).as("git %s", String.join(" ", arguments)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Finding> files(MlexpConfig config, Rule.Example example) {
        var root = write(example);
        var bytes = example.text().getBytes(StandardCharsets.UTF_8);
        var findings = new ArrayList<>(FileRules.forWorkingTree(config, root).check(new RepoFile(example.path(), bytes.length, () -> bytes)));
        var paths = new ArrayList<>(example.files().keySet());
        paths.add(example.path());
        findings.addAll(new TrainingConfigRules(config.configs()).presence(paths, "the working tree", config.locations()));
        return findings;
    }

    private List<Finding> records(MlexpConfig config, Rule.Example example) {
        var root = write(example);
        var history = History.at(root.resolve(config.publish().history()));
        var measured = Files.exists(history.file()) ? history.read().entries() : List.<HistoryEntry>of();
        if (example.path().startsWith("refs/tags/")) { // a tag's message, against the tag's entry and the config
            var values = ConfigValues.of((YamlMapping) new YamlReader().read(root.resolve("configs/base.yaml"), "configs/base.yaml")
                    .root().orElseThrow());
            return new ClaimCheck(config.record().claims()).tagMessage(Claims.inText(example.text(), example.path()),
                    measured.stream().findFirst(), values, "configs/base.yaml");
        }
        var parser = new RecordParser();
        var rules = new RecordRules(config.record());
        var record = parser.parse(example.text(), example.path());
        var findings = new ArrayList<>(rules.check(record, RepoReader.workingTree(repository)));
        var all = new ArrayList<>(example.files().entrySet().stream().filter(file -> file.getKey().endsWith(".md"))
                .map(file -> parser.parse(file.getValue(), file.getKey())).toList());
        all.add(record);
        findings.addAll(rules.uniqueIds(all));
        if (!measured.isEmpty()) {
            writeFile(root, example.path(), example.text());
            findings.addAll(Claimed.ofRecords(root, config.record(), List.of(example.path()), measured));
        }
        return findings;
    }

    /** The fingerprint a run measured, against the image it ran in. */
    private static List<Finding> fingerprint(MlexpConfig config, Rule.Example example) {
        try {
            var measured = JsonMapper.builder().build().readValue(example.text(),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() { });
            return ImageTagVersions.check(config.smoke().image().orElseThrow(), measured, SourceLocation.of(example.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Finding> gates(MlexpConfig config, Rule.Example example) {
        var lines = example.text().lines().toList();
        var base = HistoryFormat.read(lines.get(0), SourceLocation.of(example.path(), 1));
        var current = HistoryFormat.read(lines.get(1), SourceLocation.of(example.path(), 2));
        return QualityGates.check(config.publish().gates(), Comparison.of(current, Optional.of(base)));
    }

    private static void writeFile(Path root, String path, String text) {
        try {
            Files.createDirectories(root.resolve(path).getParent());
            Files.writeString(root.resolve(path), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's other files in a fresh repository; its own file too, where a check reads the working tree. */
    private Path write(Rule.Example example) {
        try {
            var root = Files.createTempDirectory(base, "repo");
            new ProcessBuilder("git", "init", "-q", root.toString()).inheritIO().start().waitFor();
            for (var file : example.files().entrySet()) {
                Files.createDirectories(root.resolve(file.getKey()).getParent());
                Files.writeString(root.resolve(file.getKey()), file.getValue());
            }
            repository = root;
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
