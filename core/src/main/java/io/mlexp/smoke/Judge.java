package io.mlexp.smoke;

import io.mlexp.check.Finding;
import io.mlexp.config.SmokeConfig;
import io.mlexp.metrics.Expectations;
import io.mlexp.metrics.Sample;
import io.mlexp.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What every engine decides the same way once the command has ended: how it ended, and what it logged. */
final class Judge {
    record Judged(List<Sample> samples, List<Finding> findings, String metricsSource) {
    }

    /** Where a run's metrics may be besides {@code $MLEXP_METRICS}: the workspace it wrote to since it started, what it printed. */
    record Where(Path repository, Instant started, StdoutMetrics stdout) {
        /** A run whose output nobody read (a CI that streamed it elsewhere). */
        static Where filesOnly(Path repository, Instant started) {
            return new Where(repository, started, StdoutMetrics.of(java.util.Map.of()));
        }
    }

    private Judge() {
    }

    /** Creates the output directory and removes a metrics file left by an earlier run. */
    static Path prepare(Path output) {
        var metricsFile = output.resolve("metrics.jsonl").toAbsolutePath();
        try {
            AtomicFiles.outputDirectory(output);
            Files.deleteIfExists(metricsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + output + ": " + e.getMessage(), e);
        }
        return metricsFile;
    }

    static Judged judge(SmokeConfig smoke, ProcessRun.Ended ended, Path metricsFile, Where where) {
        return judge(smoke, ended, metricsFile, where, List.of(Finding.error("smoke-command-failed", smoke.where("command"),
                "'" + smoke.command() + "' exited with " + ended.exitCode())
                .withHint("its output is above; run the command yourself to reproduce")));
    }

    /** Judges a run whose failure, when it exits with other than 0, is told by {@code failures}. */
    static Judged judge(SmokeConfig smoke, ProcessRun.Ended ended, Path metricsFile, Where where, List<Finding> failures) {
        var findings = new ArrayList<Finding>();
        if (ended.timedOut()) {
            findings.add(Finding.error("smoke-timeout", smoke.where("timeout"),
                    "the smoke run did not end within smoke.timeout " + smoke.timeout().toSeconds() + "s and was stopped")
                    .withHint("make the smoke run shorter (fewer steps) or raise smoke.timeout"));
        } else if (ended.exitCode() != 0) {
            findings.addAll(failures);
        }
        var found = MetricsLookup.find(smoke, metricsFile, where.repository(), where.started(), where.stdout());
        findings.addAll(found.problems());
        if (!ended.timedOut() && ended.exitCode() == 0) {
            if (found.samples().isEmpty()) {
                findings.add(Finding.error("smoke-no-metrics", smoke.where("metrics"),
                        "the run logged no metrics that mlexp found; it looked in " + String.join(", ", found.lookedIn()))
                        .withHint(MetricsLookup.howToLog()));
            } else {
                findings.addAll(Expectations.check(smoke, found.samples(), found.source()));
            }
        }
        return new Judged(found.samples(), findings, found.source());
    }
}
