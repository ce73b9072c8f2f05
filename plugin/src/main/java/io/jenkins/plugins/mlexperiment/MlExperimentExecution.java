package io.jenkins.plugins.mlexperiment;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlexp.check.Finding;
import io.mlexp.ci.OutcomeJson;
import io.mlexp.ci.RunOutcome;
import io.mlexp.config.MlexpConfig;
import io.mlexp.run.StageResult;
import io.mlexp.smoke.ContainerPlan;
import io.mlexp.smoke.Smoke;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the step: the first half on the agent, the container through Docker Workflow when core planned one, the
 * second half on the agent, then the build page, the project's index, the pull request's check and the build result:
 * violations fail the build (or mark it unstable, as {@code on-violation} says); a stage that could not run on this
 * agent fails it as an environment problem, never as violations and never green. Returns
 * {@code [verdict: 'passed', stages: [commits: 'passed', …], metrics: [loss: 0.41, …]]}.
 */
class MlExperimentExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "a synchronous non-blocking execution is never resumed after a restart (its onResume fails the step)")
    private final transient MlExperimentStep step;

    MlExperimentExecution(MlExperimentStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        var context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars environment = context.get(EnvVars.class);
        var global = MlExperimentConfiguration.get();
        var index = JobIndex.of(run.getParent());
        var gpus = step.getGpus().isEmpty() ? global.getDefaultGpus() : step.getGpus();
        var request = new AgentWork.Request(step.getConfig(), step.getStages(), environment, gpus,
                global.getAllowedRegistries(), global.isRequireDigest(), index.text());

        var first = workspace.act(new AgentWork.Prepare(request, listener));
        RunOutcome outcome;
        if (first.pending != null) {
            var computer = workspace.toComputer();
            var node = computer == null ? null : computer.getNode();
            var ended = new DockerSmoke(launcher, node, listener, environment)
                    .run(first.pending.plan, workspace.child(Smoke.OUTPUT).child(ContainerPlan.OUTPUT_LOG));
            outcome = OutcomeJson.read(workspace.act(new AgentWork.Finish(request, first.pending, ended)));
        } else {
            outcome = OutcomeJson.read(java.util.Objects.requireNonNull(first.outcome, "a first half with no container run has its outcome"));
        }
        if (outcome.problem().isPresent()) {
            var problem = outcome.problem().get();
            throw new AbortException("mlExperiment: " + (problem.exitCode() == 2 ? "bad input: " : "cannot run here: ")
                    + problem.message());
        }
        run.addOrReplaceAction(MlExperimentAction.record(run, outcome));
        index.append(outcome.newHistory());
        if (!outcome.newHistory().isEmpty()) { // a tag's table is the project's; a pull request's is its branch's
            outcome.report().ifPresent(report -> index.keepExperiments(report.experimentsHtml()));
        }
        if (environment.get("CHANGE_ID") != null) {
            ChecksPublication.publishIfInstalled(run, listener, outcome);
        }
        printSummary(listener, outcome);
        switch (outcome.verdict()) {
            case FAILED -> violations(run, context, outcome);
            case INCOMPLETE -> throw new AbortException("mlExperiment: incomplete, an environment problem and not a violation: "
                    + outcome.stages().stream().filter(stage -> stage.status() == StageResult.Status.NOT_AVAILABLE)
                            .map(stage -> stage.stage().label() + ": " + stage.summary()).collect(Collectors.joining("; ")));
            default -> { }
        }
        return returnValue(outcome);
    }

    private static void violations(Run<?, ?> run, StepContext context, RunOutcome outcome) throws Exception {
        var message = "mlExperiment: violations found (see ML Experiment on the build page)";
        if (outcome.onViolation() != MlexpConfig.OnViolation.UNSTABLE) {
            throw new AbortException(message);
        }
        run.setResult(Result.UNSTABLE);
        var node = context.get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        }
    }

    /** Each stage's verdict in one line, then its findings in their one-line form (control characters escaped). */
    private static void printSummary(TaskListener listener, RunOutcome outcome) {
        var log = listener.getLogger();
        for (var stage : outcome.stages()) {
            log.println("[mlExperiment] " + stage.stage().label() + ": " + stage.status().label() + " - "
                    + Finding.printable(stage.summary()));
            stage.findings().forEach(finding -> log.println("    " + finding.format()));
        }
    }

    private static Map<String, Object> returnValue(RunOutcome outcome) {
        var stages = new LinkedHashMap<String, Object>();
        outcome.stages().forEach(stage -> stages.put(stage.stage().label(), stage.status().label()));
        var result = new LinkedHashMap<String, Object>();
        result.put("verdict", outcome.verdict().label());
        result.put("stages", stages);
        result.put("metrics", new LinkedHashMap<>(outcome.metrics()));
        return result;
    }
}
