package io.jenkins.plugins.mlexperiment;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.mlexp.check.EnvironmentException;
import io.mlexp.check.InvalidInputException;
import io.mlexp.ci.CiRequest;
import io.mlexp.ci.CiStep;
import io.mlexp.ci.OutcomeJson;
import io.mlexp.ci.RunOutcome;
import io.mlexp.image.RegistryPolicy;
import io.mlexp.run.Stage;
import io.mlexp.smoke.ContainerPlan;
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
import org.jspecify.annotations.Nullable;

/**
 * The two halves of the step that run on the agent holding the workspace, with core's {@link CiStep}. Only strings,
 * numbers and collections of them cross the channel: core's values are records, which neither remoting nor XStream
 * should carry; the run's outcome crosses in core's versioned JSON form ({@link OutcomeJson}). Bad input comes back
 * as an outcome with its problem.
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

    /** Core's container plan in fields remoting carries. */
    static final class Plan implements Serializable {
        private static final long serialVersionUID = 1L;
        final String image;
        final ArrayList<String> options;
        final LinkedHashMap<String, String> volumes;
        final String workdir;
        final LinkedHashMap<String, String> environment;
        final ArrayList<String> command;
        final long timeoutSeconds;

        Plan(ContainerPlan plan) {
            image = plan.image();
            options = new ArrayList<>(plan.options());
            volumes = new LinkedHashMap<>(plan.volumes());
            workdir = plan.workdir();
            environment = new LinkedHashMap<>(plan.environment());
            command = new ArrayList<>(plan.command());
            timeoutSeconds = plan.timeout().toSeconds();
        }
    }

    /** What the first half hands the controller: the whole outcome, or, when it is null, a container run still to carry out. */
    static final class FirstHalf implements Serializable {
        private static final long serialVersionUID = 1L;
        final @Nullable String outcome;
        final @Nullable Pending pending;

        private FirstHalf(@Nullable String outcome, @Nullable Pending pending) {
            this.outcome = outcome;
            this.pending = pending;
        }

        static FirstHalf done(RunOutcome outcome) {
            return new FirstHalf(outcome.json(), null);
        }

        static FirstHalf container(CiStep.Prepared prepared) {
            return new FirstHalf(null, new Pending(new Plan(prepared.container().orElseThrow()), prepared.stagesJson(),
                    prepared.resume().configSource(), prepared.resume().history()));
        }
    }

    /** A container run to carry out, and what the second half needs: the stages so far, the config's source and the history as the first half read them. */
    static final class Pending implements Serializable {
        private static final long serialVersionUID = 1L;
        final Plan plan;
        final String stages;
        final String configSource;
        final String history;

        private Pending(Plan plan, String stages, String configSource, String history) {
            this.plan = plan;
            this.stages = stages;
            this.configSource = configSource;
            this.history = history;
        }
    }

    /** First half: the stages before the smoke run, and the container plan when there is one. */
    static final class Prepare extends MasterToSlaveFileCallable<FirstHalf> {
        private static final long serialVersionUID = 1L;
        private final Request request;
        private final TaskListener listener;

        Prepare(Request request, TaskListener listener) {
            this.request = request;
            this.listener = listener;
        }

        @Override
        public FirstHalf invoke(File workspace, VirtualChannel channel) {
            try {
                var step = new CiStep(workspace.toPath(), request.toCore());
                var prepared = step.prepare(listener.getLogger()::println);
                return prepared.container().isPresent() ? FirstHalf.container(prepared) : FirstHalf.done(step.outcome(prepared.run()));
            } catch (InvalidInputException | EnvironmentException e) {
                return FirstHalf.done(RunOutcome.error(e));
            }
        }
    }

    /** Second half: judges the container run the controller carried out, publishes, returns the outcome's JSON. */
    static final class Finish extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;
        private final Request request;
        private final Pending first;
        private final DockerSmoke.Ended ended;

        Finish(Request request, Pending first, DockerSmoke.Ended ended) {
            this.request = request;
            this.first = first;
            this.ended = ended;
        }

        @Override
        public String invoke(File workspace, VirtualChannel channel) {
            try {
                var step = new CiStep(workspace.toPath(), request.toCore());
                var run = new CiStep.ContainerRun(ended.exitCode, ended.timedOut, Duration.ofMillis(ended.millis), ended.fingerprint,
                        "Docker Workflow", Optional.ofNullable(ended.notStarted));
                return step.finish(OutcomeJson.stages(first.stages), new CiStep.Resume(first.configSource, first.history), run).json();
            } catch (InvalidInputException | EnvironmentException e) {
                return RunOutcome.error(e).json();
            }
        }
    }
}
