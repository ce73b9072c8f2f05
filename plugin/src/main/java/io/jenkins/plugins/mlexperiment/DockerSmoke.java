package io.jenkins.plugins.mlexperiment;

import hudson.EnvVars;
import hudson.Launcher;
import hudson.model.Node;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.docker.commons.tools.DockerTool;
import org.jenkinsci.plugins.docker.workflow.client.DockerClient;

/**
 * Carries out core's container plan through Docker Workflow's client on the agent's launcher: the
 * container starts idle with the plan's GPU and network options, mounts and environment, the command
 * runs in it with {@code docker exec} and streams to the build log, and the container is stopped and
 * removed in {@code finally}, whatever happened.
 */
final class DockerSmoke {
    /** How the command ended, in fields remoting can carry back to the agent. */
    static final class Ended implements Serializable {
        private static final long serialVersionUID = 1L;
        final int exitCode;
        final boolean timedOut;
        final long millis;
        final HashMap<String, String> fingerprint;

        Ended(int exitCode, boolean timedOut, long millis, Map<String, String> fingerprint) {
            this.exitCode = exitCode;
            this.timedOut = timedOut;
            this.millis = millis;
            this.fingerprint = new HashMap<>(fingerprint);
        }
    }

    private final Launcher launcher;
    private final Node node;
    private final TaskListener listener;
    private final EnvVars environment;

    DockerSmoke(Launcher launcher, Node node, TaskListener listener, EnvVars environment) {
        this.launcher = launcher;
        this.node = node;
        this.listener = listener;
        this.environment = environment;
    }

    @SuppressWarnings("unchecked")
    Ended run(Map<String, Object> plan) throws IOException, InterruptedException {
        var docker = new DockerClient(launcher, node, null);
        var executable = DockerTool.getExecutable(null, node, listener, environment);
        var image = (String) plan.get("image");
        // core matched every option against its pattern: no spaces, nothing that tokenises into another flag
        var options = new ArrayList<>((List<String>) plan.get("options"));
        options.addAll(List.of("--name", "mlexp-" + UUID.randomUUID().toString().substring(0, 12)));
        var containerEnvironment = new EnvVars((Map<String, String>) plan.get("environment"));
        var command = (List<String>) plan.get("command");
        long timeoutSeconds = ((Number) plan.get("timeoutSeconds")).longValue();

        listener.getLogger().println("[mlExperiment] smoke run in " + image + " (" + String.join(" ", options) + ")");
        var container = docker.run(environment, image, String.join(" ", options), (String) plan.get("workdir"),
                (Map<String, String>) plan.get("volumes"), List.of(), containerEnvironment, docker.whoAmI(), "cat").trim();
        try {
            long started = System.nanoTime();
            var exec = new ArrayList<>(List.of(executable, "exec", container));
            exec.addAll(command);
            int exitCode = launcher.launch().cmds(exec).envs(environment).stdout(listener).quiet(true).start()
                    .joinWithTimeout(timeoutSeconds, TimeUnit.SECONDS, listener);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            boolean timedOut = millis >= TimeUnit.SECONDS.toMillis(timeoutSeconds);
            return new Ended(timedOut ? -1 : exitCode, timedOut, millis, fingerprint(docker, executable, container, image));
        } finally {
            docker.stop(environment, container); // also removes it
        }
    }

    private Map<String, String> fingerprint(DockerClient docker, String executable, String container, String image)
            throws IOException, InterruptedException {
        var values = new LinkedHashMap<String, String>();
        var imageId = docker.inspect(environment, image, ".Id");
        if (imageId != null && !imageId.isBlank()) {
            values.put("image-id", imageId.trim());
        }
        var out = new ByteArrayOutputStream();
        int exit = launcher.launch().cmds(executable, "exec", container, "sh", "-c",
                        "command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version --format=csv,noheader")
                .envs(environment).stdout(out).quiet(true).start().joinWithTimeout(60, TimeUnit.SECONDS, listener);
        var line = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (exit == 0 && line.contains(",")) {
            var gpu = line.split(",", 2);
            values.put("gpu", gpu[0].strip());
            values.put("driver", gpu[1].strip());
        }
        values.put("node", node == null ? "unknown" : node.getDisplayName());
        return values;
    }
}
