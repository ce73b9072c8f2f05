package io.mlexp.ci;

import io.mlexp.check.EnvironmentException;
import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.config.MlexpConfig;
import io.mlexp.run.StageResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a CI shows and keeps of one run: the verdict, the stages with their findings, the smoke run's final metrics,
 * the report to show, the history lines a tag added, or the problem that kept the run from starting. Its one
 * versioned JSON form ({@link OutcomeJson}) is what crosses machines and processes; Jenkins carries it from the
 * agent to the controller.
 *
 * @param verdict     the run's verdict
 * @param onViolation what {@code .mlexp.yml} asks a CI to do when the verdict is {@link Verdict#FAILED}
 * @param context     the build context, described ({@code tag v1.2})
 * @param stages      the stages that ran, in order
 * @param metrics     the smoke run's last value of each metric
 * @param report      what the build page shows; empty for a run that could not start
 * @param newHistory  the history lines (JSON) a tag's publish stage added, for the CI to keep
 * @param problem     why the run could not start (bad input or the environment)
 */
public record RunOutcome(Verdict verdict, MlexpConfig.OnViolation onViolation, String context, List<StageResult> stages,
        Map<String, Double> metrics, Optional<Report> report, List<String> newHistory, Optional<Problem> problem) {
    /** A run's verdict; each has the exit code the CLI gives it. */
    public enum Verdict {
        /** Every stage passed. */
        PASSED(0),
        /** A stage found violations. */
        FAILED(1),
        /** No violation, but a stage could not run on this machine: never a pass. */
        INCOMPLETE(3),
        /** The run could not start: bad input (exit code 2) or the environment (3); see {@link Problem}. */
        ERROR(2);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Failed when a stage failed, else incomplete when one could not run, else passed. */
        public static Verdict of(List<StageResult> stages) {
            if (stages.stream().anyMatch(stage -> stage.status() == StageResult.Status.FAILED)) {
                return FAILED;
            }
            return stages.stream().anyMatch(stage -> stage.status() == StageResult.Status.NOT_AVAILABLE) ? INCOMPLETE : PASSED;
        }

        static Verdict fromLabel(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * What the build page shows: the report fragment (HTML from mlexp's renderer only), the JSON its charts draw,
     * and the Markdown summary for a pull request's check (at most 65,535 characters); and the experiment table's
     * HTML, for the project's page (empty when the run published no report).
     */
    public record Report(String html, String chartData, String markdown, String experimentsHtml) {
    }

    /** Why a run could not start, with the exit code the CLI would give it (2 bad input, 3 environment). */
    public record Problem(int exitCode, String message) {
    }

    public RunOutcome {
        stages = List.copyOf(stages);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        newHistory = List.copyOf(newHistory);
    }

    /** The outcome of a run that could not start: bad input (exit code 2) or a missing tool (3). */
    public static RunOutcome error(RuntimeException e) {
        Problem problem;
        if (e instanceof InvalidInputException invalid) {
            problem = new Problem(2, invalid.findings().stream().map(Finding::format).collect(Collectors.joining("\n")));
        } else if (e instanceof EnvironmentException) {
            problem = new Problem(3, String.valueOf(e.getMessage()));
        } else {
            throw e;
        }
        return new RunOutcome(Verdict.ERROR, MlexpConfig.OnViolation.FAIL, "", List.of(), Map.of(), Optional.empty(), List.of(),
                Optional.of(problem));
    }

    /** The stage with this label ({@code smoke}), if it ran. */
    public Optional<StageResult> stage(String label) {
        return stages.stream().filter(stage -> stage.stage().label().equals(label)).findFirst();
    }

    public String json() {
        return OutcomeJson.write(this);
    }
}
