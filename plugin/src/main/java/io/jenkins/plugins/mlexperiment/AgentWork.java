package io.jenkins.plugins.mlexperiment;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.mlexp.check.EnvironmentException;
import io.mlexp.check.InvalidInputException;
import io.mlexp.ci.CiOutcome;
import io.mlexp.ci.CiRequest;
import io.mlexp.ci.CiStep;
import io.mlexp.image.RegistryPolicy;
import io.mlexp.run.Stage;
import java.io.File;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * The two halves of the step that run on the agent holding the workspace, with core's {@link CiStep}.
 * Only strings, numbers and collections of them cross the channel: core's values are records,
 * which neither remoting nor XStream should carry. Bad input comes back as an error outcome.
 */
final class AgentWork {
    private AgentWork() {
    }

    /** What the step asks, in serialisable fields. */
    static final class Request implements Serializable {
        private static final long serialVersionUID = 1L;
        final String config;
        final ArrayList<String> stages;
        final HashMap<String, String> environment;
        final String gpus;
        final String registries;
        final boolean digestRequired;
        final String history;

        Request(String config, List<String> stages, Map<String, String> environment, String gpus, String registries,
                boolean digestRequired, String history) {
            this.config = config;
            this.stages = new ArrayList<>(stages);
            this.environment = new HashMap<>(environment);
            this.gpus = gpus;
            this.registries = registries;
            this.digestRequired = digestRequired;
            this.history = history;
        }

        CiRequest toCore() {
            return new CiRequest(Optional.of(config).filter(c -> !c.isEmpty()), Stage.fromLabels(stages, "stages"),
                    environment, Optional.of(gpus).filter(g -> !g.isEmpty()), RegistryPolicy.of(registries, digestRequired),
                    history);
        }
    }

    /** First half: JSON with either the finished {@code outcome}, or a container {@code plan} to run. */
    static final class Prepare extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;
        private final Request request;
        private final TaskListener listener;

        Prepare(Request request, TaskListener listener) {
            this.request = request;
            this.listener = listener;
        }

        @Override
        public String invoke(File workspace, VirtualChannel channel) {
            try {
                var step = new CiStep(workspace.toPath(), request.toCore());
                var prepared = step.prepare(listener.getLogger()::println);
                var answer = new LinkedHashMap<String, Object>();
                answer.put("seededHistory", prepared.seededHistory());
                answer.put("stages", prepared.stagesJson());
                if (prepared.container().isPresent()) {
                    var plan = prepared.container().get();
                    var map = new LinkedHashMap<String, Object>();
                    map.put("image", plan.image());
                    map.put("options", plan.options());
                    map.put("volumes", plan.volumes());
                    map.put("workdir", plan.workdir());
                    map.put("environment", plan.environment());
                    map.put("command", plan.command());
                    map.put("timeoutSeconds", plan.timeout().toSeconds());
                    answer.put("plan", map);
                } else {
                    answer.put("outcome", step.outcome(List.of(prepared.run()), prepared.seededHistory()).json());
                }
                return Json.write(answer);
            } catch (InvalidInputException | EnvironmentException e) {
                return Json.write(Map.of("outcome", CiOutcome.error(e).json()));
            }
        }
    }

    /** Second half: judges the container run the controller carried out, publishes, returns the outcome's JSON. */
    static final class Finish extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;
        private final Request request;
        private final String earlierStages;
        private final int seededHistory;
        private final DockerSmoke.Ended ended;

        Finish(Request request, String earlierStages, int seededHistory, DockerSmoke.Ended ended) {
            this.request = request;
            this.earlierStages = earlierStages;
            this.seededHistory = seededHistory;
            this.ended = ended;
        }

        @Override
        public String invoke(File workspace, VirtualChannel channel) {
            try {
                var step = new CiStep(workspace.toPath(), request.toCore());
                var last = step.finish(new CiStep.ContainerRun(ended.exitCode, ended.timedOut, Duration.ofMillis(ended.millis),
                        ended.fingerprint, "Docker Workflow"));
                return step.outcome(earlierStages, last, seededHistory).json();
            } catch (InvalidInputException | EnvironmentException e) {
                return CiOutcome.error(e).json();
            }
        }
    }
}
