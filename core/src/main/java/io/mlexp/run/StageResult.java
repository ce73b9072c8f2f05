package io.mlexp.run;

import io.mlexp.check.Finding;
import java.util.List;

/** What one stage of a run found. */
public record StageResult(Stage stage, Status status, String summary, List<Finding> findings) {
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

    public static StageResult notAvailable(Stage stage, String why) {
        return new StageResult(stage, Status.NOT_AVAILABLE, why, List.of());
    }

    /** Passed unless a finding is an error. */
    public static StageResult of(Stage stage, String summary, List<Finding> findings) {
        var failed = findings.stream().anyMatch(Finding::isError);
        return new StageResult(stage, failed ? Status.FAILED : Status.PASSED, summary, findings);
    }
}
