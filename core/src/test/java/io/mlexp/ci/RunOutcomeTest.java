package io.mlexp.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.MlexpConfig;
import io.mlexp.run.Stage;
import io.mlexp.run.StageResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run outcome's verdict and its one JSON form, as Jenkins carries it from an agent to the controller. */
class RunOutcomeTest {
    private static final StageResult PASSED = StageResult.of(Stage.CONFIG, "valid", List.of());
    private static final StageResult FAILED = StageResult.of(Stage.COMMITS, "1 commit", List.of(Finding.error("commit-wip",
            new SourceLocation("commit abc", 1, 1), "a work-in-progress commit").withHint("squash it")));
    private static final StageResult UNAVAILABLE = StageResult.notAvailable(Stage.SMOKE, "the embedded engine is not installed");

    @Test
    void aStageThatCouldNotRunMakesTheRunIncompleteNeverPassedAndViolationsStillFailIt() {
        assertThat(RunOutcome.Verdict.of(List.of(PASSED))).isEqualTo(RunOutcome.Verdict.PASSED);
        assertThat(RunOutcome.Verdict.of(List.of(PASSED, UNAVAILABLE))).isEqualTo(RunOutcome.Verdict.INCOMPLETE);
        assertThat(RunOutcome.Verdict.of(List.of(FAILED, UNAVAILABLE))).isEqualTo(RunOutcome.Verdict.FAILED);
        assertThat(RunOutcome.Verdict.INCOMPLETE.exitCode()).isEqualTo(3);
        assertThat(RunOutcome.Verdict.FAILED.exitCode()).isEqualTo(1);
    }

    @Test
    void theJsonFormKeepsStagesFindingsMetricsAndTheReport() {
        var outcome = new RunOutcome(RunOutcome.Verdict.FAILED, MlexpConfig.OnViolation.UNSTABLE, "tag v1.2",
                List.of(PASSED, FAILED, UNAVAILABLE), Map.of("loss", 0.25, "ppl", Double.POSITIVE_INFINITY),
                Optional.of(new RunOutcome.Report("<div class=\"mlexp-report\"></div>", "{\"smoke\":[]}", "| stage |",
                        "<table class=\"experiments sortable\" id=\"experiments\"></table>")),
                List.of("{\"tag\":\"v1.2\"}"), Optional.empty());

        var read = OutcomeJson.read(outcome.json());

        assertThat(read).isEqualTo(outcome);
        assertThat(read.stage("commits").orElseThrow().findings().get(0).format())
                .isEqualTo("commit abc:1:1: error: a work-in-progress commit [commit-wip] (squash it)");
    }

    @Test
    void anOutcomeOfAnotherSchemaOrNotJsonAtAllIsRefusedWithAMessage() {
        assertThatThrownBy(() -> OutcomeJson.read("{\"schema\": 2, \"verdict\": \"passed\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different mlexp versions");
        assertThatThrownBy(() -> OutcomeJson.read("{\"verdict\": \"passed\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the JSON mlexp writes");
    }
}
