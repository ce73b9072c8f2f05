package io.mlexp.run;

import io.mlexp.check.Finding;
import io.mlexp.report.ReportFacts;
import io.mlexp.smoke.SmokeResult;
import java.util.List;
import java.util.Optional;

/**
 * What one stage of a run found. The smoke stage also hands on its run, and the publish stage its report, so that
 * later stages and the CI read them from memory instead of from the files they wrote.
 */
public record StageResult(Stage stage, Status status, String summary, List<Finding> findings, Optional<SmokeResult> smoke,
        Optional<ReportFacts> report) {
    /**
     * A stage's verdict. {@link #NOT_AVAILABLE} is never a pass: the capability is not built, or this
     * machine cannot run it (the summary says which).
     */
    public enum Status {
        PASSED, FAILED, NOT_AVAILABLE;

        public String label() {
            return switch (this) {
                case PASSED -> "passed";
                case FAILED -> "failed";
                case NOT_AVAILABLE -> "not available";
            };
        }
    }

    public StageResult {
        findings = List.copyOf(findings);
    }

    public StageResult(Stage stage, Status status, String summary, List<Finding> findings) {
        this(stage, status, summary, findings, Optional.empty(), Optional.empty());
    }

    public static StageResult notAvailable(Stage stage, String why) {
        return new StageResult(stage, Status.NOT_AVAILABLE, why, List.of());
    }

    /** Passed unless a finding is an error. */
    public static StageResult of(Stage stage, String summary, List<Finding> findings) {
        var failed = findings.stream().anyMatch(Finding::isError);
        return new StageResult(stage, failed ? Status.FAILED : Status.PASSED, summary, findings);
    }

    /** The same stage with its findings as {@code .mlexp.yml}'s {@code rules:} sets them, and its verdict from those. */
    public StageResult judgedBy(io.mlexp.config.RuleSettings rules) {
        if (status == Status.NOT_AVAILABLE) {
            return this;
        }
        var kept = rules.apply(findings);
        var failed = kept.stream().anyMatch(Finding::isError) || (status == Status.FAILED && findings.isEmpty());
        return new StageResult(stage, failed ? Status.FAILED : Status.PASSED, summary, kept, smoke, report);
    }

    public StageResult withSmoke(SmokeResult run) {
        return new StageResult(stage, status, summary, findings, Optional.of(run), report);
    }

    public StageResult withReport(ReportFacts facts) {
        return new StageResult(stage, status, summary, findings, smoke, Optional.of(facts));
    }
}
