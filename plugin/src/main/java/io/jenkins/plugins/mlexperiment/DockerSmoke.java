package io.jenkins.plugins.mlexperiment;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Node;
import hudson.model.TaskListener;
import io.mlexp.smoke.ContainerProbe;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.output.TeeOutputStream;
import org.jenkinsci.plugins.docker.commons.tools.DockerTool;
import org.jenkinsci.plugins.docker.workflow.client.DockerClient;
import org.jspecify.annotations.Nullable;

/**
 * Carries out core's container plan through Docker Workflow's client on the agent's launcher: the container starts
 * idle, named, with the plan's GPU and network options, mounts and environment; the command runs in it with
 * {@code docker exec} and streams to the build log; core's environment probe runs in it too. Whatever happens, even
 * when {@code docker run} itself fails after the engine created the container, the container is removed by its name.
 */
final class DockerSmoke {
    private static final int CLIENT_TIMEOUT_SECONDS = 60;
    private static final long MAX_OUTPUT_LOG_BYTES = 256L * 1024 * 1024;

    /** How the command ended, in fields remoting can carry back to the agent. */
    static final class Ended implements Serializable {
        private static final long serialVersionUID = 1L;
        final int exitCode;
        final boolean timedOut;
        final long millis;
        final HashMap<String, String> fingerprint;
        /** The engine's message when the container never started; null when it ran. */
        final @Nullable String notStarted;

        Ended(int exitCode, boolean timedOut, long millis, Map<String, String> fingerprint, @Nullable String notStarted) {
            this.exitCode = exitCode;
            this.timedOut = timedOut;
            this.millis = millis;
            this.fingerprint = new HashMap<>(fingerprint);
            this.notStarted = notStarted;
        }
    }

    private final Launcher launcher;
    private final @Nullable Node node;
    private final TaskListener listener;
    private final EnvVars environment;

    DockerSmoke(Launcher launcher, @Nullable Node node, TaskListener listener, EnvVars environment) {
        this.launcher = launcher;
        this.node = node;
        this.listener = listener;
        this.environment = environment;
    }

    /**
     * Runs the plan; the command's output goes to the build log and to {@code outputLog} (the workspace's
     * {@code .mlexp/smoke/output.log}), at most {@value #MAX_OUTPUT_LOG_BYTES} bytes of it.
     */
    Ended run(AgentWork.Plan plan, FilePath outputLog) throws IOException, InterruptedException {
        var docker = new DockerClient(launcher, node, null);
        var executable = DockerTool.getExecutable(null, node, listener, environment);
        var name = "mlexp-" + UUID.randomUUID().toString().substring(0, 12);
        // core matched every option against its pattern: no spaces, nothing that tokenises into another flag
        var options = new ArrayList<>(plan.options);
        options.addAll(List.of("--name", name));
        listener.getLogger().println("[mlExperiment] smoke run in " + plan.image + " (" + String.join(" ", options) + ")");
        try {
            String container;
            try {
                container = docker.run(environment, plan.image, String.join(" ", options), plan.workdir, plan.volumes, List.of(),
                        new EnvVars(plan.environment), docker.whoAmI(), "cat").trim();
            } catch (IOException e) {
                return new Ended(-1, false, 0, Map.of("node", nodeName()), e.getMessage() == null ? e.toString() : e.getMessage());
            }
            long started = System.nanoTime();
            var exec = new ArrayList<>(List.of(executable, "exec", container));
            exec.addAll(plan.command);
            int exitCode;
            // the build log shows the output; the workspace keeps a copy for core's smoke.stdout-metrics
            try (var copy = new BoundedCopy(outputLog.write(), MAX_OUTPUT_LOG_BYTES)) {
                var both = new TeeOutputStream(listener.getLogger(), copy); // not closed: that would close the build log
                exitCode = launcher.launch().cmds(exec).envs(environment).stdout(both).quiet(true).start()
                        .joinWithTimeout(plan.timeoutSeconds, TimeUnit.SECONDS, listener);
                both.flush();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            boolean timedOut = millis >= TimeUnit.SECONDS.toMillis(plan.timeoutSeconds);
            return new Ended(timedOut ? -1 : exitCode, timedOut, millis, fingerprint(docker, executable, container, plan.image), null);
        } finally {
            remove(executable, name);
        }
    }

    /** Passes on the first {@code limit} bytes written to it and drops the rest: a training log has no bound of its own. */
    private static final class BoundedCopy extends FilterOutputStream {
        private long left;

        BoundedCopy(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                left--;
                out.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int kept = (int) Math.min(length, left);
            if (kept > 0) {
                left -= kept;
                out.write(bytes, offset, kept);
            }
        }
    }

    /** {@code docker rm -f NAME}: also a container that was created but never started; quiet when there is none. */
    private void remove(String executable, String name) throws IOException, InterruptedException {
        launcher.launch().cmds(executable, "rm", "-f", "--volumes", name).envs(environment).stdout(new ByteArrayOutputStream())
                .stderr(new ByteArrayOutputStream()).quiet(true).start().joinWithTimeout(CLIENT_TIMEOUT_SECONDS, TimeUnit.SECONDS, listener);
    }

    private Map<String, String> fingerprint(DockerClient docker, String executable, String container, String image)
            throws IOException, InterruptedException {
        var values = new LinkedHashMap<String, String>();
        var imageId = docker.inspect(environment, image, ".Id");
        if (imageId != null && !imageId.isBlank()) {
            values.put("image-id", imageId.trim());
        }
        var digests = docker.inspect(environment, image, "json .RepoDigests");
        values.put("digest", digests == null || digests.isBlank() ? "unknown" : digests.trim());
        var out = new ByteArrayOutputStream();
        int exit = launcher.launch().cmds(executable, "exec", container, "sh", "-c", ContainerProbe.script())
                .envs(environment).stdout(out).quiet(true).start().joinWithTimeout(CLIENT_TIMEOUT_SECONDS, TimeUnit.SECONDS, listener);
        if (exit == 0) {
            values.putAll(ContainerProbe.parse(out.toString(StandardCharsets.UTF_8).lines().toList()));
        }
        values.put("node", nodeName());
        return values;
    }

    private String nodeName() {
        return node == null ? "unknown" : node.getDisplayName();
    }
}
