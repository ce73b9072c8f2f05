package io.mlexp.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlexp.check.Finding;
import io.mlexp.config.ConfigLoader;
import io.mlexp.config.RecordConfig;
import io.mlexp.git.GitCli;
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

/** A tag's message and its record make claims; the tag's measurement and its config are checked against them. */
class ClaimedTest {
    private static final String RECORD = """
            ---
            config: configs/resnet18.yaml
            ---
            # EXP-007: ResNet-18 on CIFAR-10

            ## Results
            | Metric | Value |
            |:---|:---|
            | val accuracy | %s |
            | loss | 0.65 |
            """;

    @TempDir
    Path repository;
    private GitCli git;

    @BeforeEach
    void repositoryWithATaggedBaseline() throws Exception {
        git = GitCli.init(repository);
        Files.createDirectories(repository.resolve("configs"));
        Files.writeString(repository.resolve("configs/resnet18.yaml"), "model:\n  arch: resnet18\noptim:\n  learning_rate: 0.001\n"
                + "data:\n  batch_size: 64\n");
        record("78.20%");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "exp: EXP-007 baseline");
    }

    @Test
    void shouldAcceptATagWhoseMessageAndRecordSayWhatWasMeasured() throws Exception {
        git.run("tag", "-a", "v1.0-resnet18-cifar10", "-m", "Baseline accuracy: 78.2%, lr=0.001, batch=64");

        assertThat(Claimed.ofTag(repository, RecordConfig.defaults(), "v1.0-resnet18-cifar10", Optional.of("EXP-007"),
                List.of(measured(0.7821)))).isEmpty();
    }

    @Test
    void shouldQuoteBothSidesOfEveryClaimThatDoesNotHold() throws Exception {
        git.run("tag", "-a", "v1.0-resnet18-cifar10", "-m", "Baseline accuracy: 81.5%, lr=0.01, batch 64\n\nTrained for 10 epochs.");
        record("80.00%");

        var findings = Claimed.ofTag(repository, RecordConfig.defaults(), "v1.0-resnet18-cifar10", Optional.of("EXP-007"),
                List.of(measured(0.7821)));

        assertThat(findings).extracting(Finding::format).containsExactly(
                "experiments/EXP-007.md:9:18: error: claims val accuracy 80.00%, but v1.0-resnet18-cifar10 (commit aaaaaaa) measured"
                        + " val_accuracy 0.7821 (78.21%) [claim-metric-mismatch] (write what was measured, or set record.claims"
                        + " (absolute 0.005, relative 0.0) if the difference is noise)",
                "refs/tags/v1.0-resnet18-cifar10:1:20: error: claims accuracy 81.5%, but v1.0-resnet18-cifar10 (commit aaaaaaa)"
                        + " measured val_accuracy 0.7821 (78.21%) [claim-metric-mismatch] (write what was measured, or set"
                        + " record.claims (absolute 0.005, relative 0.0) if the difference is noise)",
                "refs/tags/v1.0-resnet18-cifar10:1:30: error: claims lr 0.01, but configs/resnet18.yaml sets optim.learning_rate to"
                        + " 0.001 at configs/resnet18.yaml:4:18 [claim-param-mismatch] (the tag's message must describe the"
                        + " config it tags: correct the message (git tag -f -a) or the config)");
    }

    @Test
    void shouldHoldNoMetricClaimAgainstASmokeRunButStillCheckTheHyperparameters() throws Exception {
        git.run("tag", "-a", "v1.0-resnet18-cifar10", "-m", "Baseline accuracy: 81.5%, lr=0.01");
        record("80.00%");
        var smoke = new HistoryEntry(1, Optional.of("v1.0-resnet18-cifar10"), "a".repeat(40), Instant.parse("2026-11-30T10:00:00Z"),
                "tag", Map.of("val_accuracy", 0.31), Optional.of(new HistoryEntry.SmokeSummary("passed", "container", 40)), Map.of(),
                Optional.of("EXP-007"));

        var findings = Claimed.ofTag(repository, RecordConfig.defaults(), "v1.0-resnet18-cifar10", Optional.of("EXP-007"), List.of(smoke));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("claim-param-mismatch");
        assertThat(Claimed.ofRecords(repository, RecordConfig.defaults(), List.of("experiments/EXP-007.md"), List.of(smoke))).isEmpty();
    }

    @Test
    void shouldForgiveWhatTheConfiguredToleranceAllows() throws Exception {
        record("0.79");
        var lenient = new ConfigLoader().parse("version: 1\nrecord:\n  claims:\n    relative: 0.02\n", ".mlexp.yml").record();

        var findings = Claimed.ofRecords(repository, lenient, List.of("experiments/EXP-007.md"), List.of(measured(0.7821)));
        var strict = Claimed.ofRecords(repository, RecordConfig.defaults(), List.of("experiments/EXP-007.md"), List.of(measured(0.7821)));

        assertThat(findings).isEmpty();
        assertThat(strict).extracting(Finding::ruleId).containsExactly("claim-metric-mismatch");
    }

    @Test
    void shouldWarnOfAClaimedMetricTheRunNeverLogged() throws Exception {
        record("78.20%");
        Files.writeString(repository.resolve("experiments/EXP-007.md"),
                Files.readString(repository.resolve("experiments/EXP-007.md")).replace("| loss |", "| top-5 error |"));

        var findings = Claimed.ofRecords(repository, RecordConfig.defaults(), List.of("experiments/EXP-007.md"), List.of(measured(0.7821)));

        assertThat(findings).extracting(Finding::message).containsExactly("'top-5 error' is claimed, but v1.0-resnet18-cifar10"
                + " measured no such metric (it measured val_accuracy, val_loss)");
    }

    @Test
    void shouldCheckNothingForARecordTheHistoryNeverMeasured() {
        var other = new HistoryEntry(1, Optional.of("v0.9"), "b".repeat(40), Instant.parse("2026-01-01T00:00:00Z"), "tag",
                Map.of("val_accuracy", 0.1), Optional.empty(), Map.of(), Optional.of("EXP-001"));

        assertThat(Claimed.ofRecords(repository, RecordConfig.defaults(), List.of("experiments/EXP-007.md"), List.of(other))).isEmpty();
    }

    private void record(String accuracy) throws Exception {
        Files.createDirectories(repository.resolve("experiments"));
        Files.writeString(repository.resolve("experiments/EXP-007.md"), RECORD.formatted(accuracy));
    }

    private static HistoryEntry measured(double accuracy) {
        var metrics = new java.util.LinkedHashMap<String, Double>();
        metrics.put("val_accuracy", accuracy);
        metrics.put("val_loss", 0.6512);
        return new HistoryEntry(1, Optional.of("v1.0-resnet18-cifar10"), "a".repeat(40), Instant.parse("2026-11-30T10:00:00Z"),
                "tag", metrics, Optional.empty(), Map.of(), Optional.of("EXP-007"));
    }
}
