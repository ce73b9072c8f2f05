package io.jenkins.plugins.mlexperiment;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the step: the first half on the agent, the container through Docker Workflow when core planned
 * one, the second half on the agent, then the build page, the job index, the pull request's check and
 * the verdict. Returns {@code [verdict: 'passed', stages: [commits: 'passed', …], metrics: [loss: 0.41, …]]}.
 */
class MlExperimentExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient MlExperimentStep step;

    MlExperimentExecution(MlExperimentStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    @SuppressWarnings("unchecked")
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

        var prepared = Json.read(workspace.act(new AgentWork.Prepare(request, listener)));
        String outcomeJson;
        if (prepared.get("plan") instanceof Map<?, ?> plan) {
            var computer = workspace.toComputer();
            var node = computer == null ? null : computer.getNode();
            var ended = new DockerSmoke(launcher, node, listener, environment).run((Map<String, Object>) plan);
            outcomeJson = workspace.act(new AgentWork.Finish(request, (String) prepared.get("stages"),
                    ((Number) prepared.get("seededHistory")).intValue(), ended));
        } else {
            outcomeJson = (String) prepared.get("outcome");
        }

        var outcome = Json.read(outcomeJson);
        if (outcome.get("error") instanceof Map<?, ?> error) {
            throw new AbortException("mlExperiment: " + error.get("message"));
        }
        run.addOrReplaceAction(new MlExperimentAction(outcomeJson));
        index.append((List<String>) outcome.getOrDefault("newHistory", List.of()));
        var verdict = String.valueOf(outcome.get("verdict"));
        if (environment.get("CHANGE_ID") != null) {
            ChecksPublication.publishIfInstalled(run, listener, verdict, "mlexp: " + verdict,
                    String.valueOf(outcome.getOrDefault("markdown", "")));
        }
        printSummary(listener, outcome);
        if ("failed".equals(verdict)) {
            var message = "mlExperiment: violations found (see ML Experiment on the build page)";
            if ("unstable".equals(outcome.get("onViolation"))) {
                run.setResult(Result.UNSTABLE);
                var node = context.get(FlowNode.class);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
                }
            } else {
                throw new AbortException(message);
            }
        }
        return returnValue(outcome);
    }

    @SuppressWarnings("unchecked")
    private static void printSummary(TaskListener listener, Map<String, Object> outcome) {
        var log = listener.getLogger();
        for (var stage : (List<Map<String, Object>>) outcome.getOrDefault("stages", List.of())) {
            log.println("[mlExperiment] " + stage.get("stage") + ": " + stage.get("status") + " - " + stage.get("summary"));
            for (var finding : (List<Map<String, Object>>) stage.getOrDefault("findings", List.of())) {
                log.println("    " + finding.get("file") + ":" + finding.get("line") + ":" + finding.get("column") + ": "
                        + finding.get("severity") + ": " + finding.get("message") + " [" + finding.get("rule") + "]");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> returnValue(Map<String, Object> outcome) {
        var stages = new LinkedHashMap<String, Object>();
        for (var stage : (List<Map<String, Object>>) outcome.getOrDefault("stages", List.of())) {
            stages.put(String.valueOf(stage.get("stage")), String.valueOf(stage.get("status")));
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("verdict", outcome.get("verdict"));
        result.put("stages", stages);
        result.put("metrics", new LinkedHashMap<>((Map<String, Object>) outcome.getOrDefault("metrics", Map.of())));
        return result;
    }
}
