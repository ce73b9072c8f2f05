package io.mlexp.smoke;

import io.mlexp.check.Finding;
import io.mlexp.image.ImageTagVersions;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.SmokeConfig;
import io.mlexp.util.TextFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a container smoke run starts, whoever starts it: the CLI's {@link ContainerEngine} through the
 * docker client, or Jenkins through Docker Workflow on the agent's launcher. Every value comes from
 * a loaded {@code .mlexp.yml}: the image was parsed and its pin checked, {@code gpus} and
 * {@code network} matched their patterns, so none of them can pass for another option.
 *
 * @param image       the pinned image reference
 * @param options     {@code --gpus G} (unless none), {@code --network N}, the caps, and the team's mounts as {@code -v} (read-only ones end in {@code :ro})
 * @param volumes     host path → container path: the repository and the output directory
 * @param workdir     the working directory in the container
 * @param environment what the training command finds, {@code MLEXP_METRICS} included
 * @param command     {@code sh -c} and {@code smoke.command}
 * @param timeout     {@code smoke.timeout}
 */
public record ContainerPlan(String image, List<String> options, Map<String, String> volumes, String workdir,
        Map<String, String> environment, List<String> command, Duration timeout) {
    public static final String WORKSPACE_MOUNT = SmokeConfig.WORKSPACE_MOUNT;
    public static final String OUTPUT_MOUNT = SmokeConfig.OUTPUT_MOUNT;

    public ContainerPlan {
        options = List.copyOf(options);
        volumes = Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        command = List.copyOf(command);
    }

    /** The plan for {@code smoke.command}; the output directory is created and an old metrics file removed. */
    public static ContainerPlan of(SmokeConfig smoke, Path repository, Path output) {
        Judge.prepare(output);
        ProcessFingerprint.install(output);
        return of(smoke, repository, output, List.of("sh", "-c", ProcessFingerprint.inContainer(smoke.command(), OUTPUT_MOUNT)));
    }

    static ContainerPlan of(SmokeConfig smoke, Path repository, Path output, List<String> command) {
        var image = smoke.image().orElseThrow(() -> InvalidInputException.of("smoke-image", smoke.where("engine"),
                "smoke.engine container needs smoke.image, a pinned image reference"));
        var options = new ArrayList<String>();
        if (!smoke.gpus().equals("none")) {
            options.addAll(List.of("--gpus", smoke.gpus()));
        }
        options.addAll(List.of("--network", smoke.network()));
        var limits = smoke.container();
        limits.shmSize().ifPresent(size -> options.addAll(List.of("--shm-size", size.bytes() + "b")));
        limits.memory().ifPresent(size -> options.addAll(List.of("--memory", size.bytes() + "b")));
        limits.cpus().ifPresent(cpus -> options.addAll(List.of("--cpus", java.math.BigDecimal.valueOf(cpus).stripTrailingZeros().toPlainString())));
        var volumes = new LinkedHashMap<String, String>();
        volumes.put(repository.toAbsolutePath().toString(), WORKSPACE_MOUNT);
        volumes.put(output.toAbsolutePath().toString(), OUTPUT_MOUNT);
        for (int i = 0; i < limits.mounts().size(); i++) {
            var mount = limits.mounts().get(i);
            if (!java.nio.file.Files.exists(Path.of(mount.host()))) {
                throw new InvalidInputException(List.of(Finding.error("smoke-mount", smoke.where("mounts", i),
                        "smoke.mounts: the host path '" + mount.host() + "' does not exist on this machine")
                        .withHint("mount a path this agent has, or drop the mount")));
            }
            // as options, not volumes: Docker Workflow writes every volume as :rw, which a read-only mount must not be
            options.addAll(List.of("-v", mount.volume()));
        }
        var environment = new LinkedHashMap<String, String>();
        environment.put("MLEXP_METRICS", OUTPUT_MOUNT + "/metrics.jsonl");
        environment.put("PYTHONUNBUFFERED", "1");
        return new ContainerPlan(image.toString(), options, volumes, WORKSPACE_MOUNT, environment, command, smoke.timeout());
    }

    /** The arguments after {@code docker run --rm --name NAME}: options, mounts, environment, image, command. */
    public List<String> runArguments() {
        var arguments = new ArrayList<>(options);
        volumes.forEach((host, container) -> arguments.addAll(List.of("-v", host + ":" + container)));
        arguments.addAll(List.of("-w", workdir));
        environment.forEach((name, value) -> arguments.addAll(List.of("-e", name + "=" + value)));
        arguments.add(image);
        arguments.addAll(command);
        return arguments;
    }

    /**
     * Where a launcher that streams the command's output elsewhere (Jenkins' build log) also writes it, in the output
     * folder, so that {@code smoke.stdout-metrics} reads the same lines the container engine reads live.
     */
    public static final String OUTPUT_LOG = "output.log";
    private static final long MAX_OUTPUT_LOG_BYTES = 256L * 1024 * 1024;
    private static final int MAX_OUTPUT_LINE_BYTES = 64 * 1024;

    /**
     * Judges a run that another launcher carried out (Jenkins), exactly as {@link ContainerEngine} judges
     * its own: how the command ended, then the metrics it wrote to {@code output}, or printed to {@link #OUTPUT_LOG} there.
     *
     * @param fingerprint what the launcher learnt of the image and the machine
     */
    public static SmokeResult judge(SmokeConfig smoke, Path repository, Path output, String reason, int exitCode, boolean timedOut,
            Duration elapsed, Map<String, String> fingerprint) {
        var ended = new ProcessRun.Ended(exitCode, timedOut, elapsed);
        var printed = StdoutMetrics.of(smoke.metrics().stdout());
        var log = output.resolve(OUTPUT_LOG);
        if (printed.isConfigured() && java.nio.file.Files.isRegularFile(log, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            TextFiles.forEachLine(log, Smoke.OUTPUT + "/" + OUTPUT_LOG, MAX_OUTPUT_LOG_BYTES, MAX_OUTPUT_LINE_BYTES,
                    (number, line) -> printed.accept(line), (number, why) -> printed.accept(""));
        }
        return judge(smoke, output, reason, ended, fingerprint,
                new Judge.Where(repository, java.time.Instant.now().minus(elapsed), printed));
    }

    static SmokeResult judge(SmokeConfig smoke, Path output, String reason, ProcessRun.Ended ended,
            Map<String, String> fingerprint, Judge.Where where) {
        var judged = Judge.judge(smoke, ended, output.resolve("metrics.jsonl").toAbsolutePath(), where);
        var values = new LinkedHashMap<String, String>();
        values.put("engine", "container");
        smoke.image().ifPresent(image -> values.put("image", image.toString()));
        limitsInto(smoke.container(), values);
        values.putAll(ProcessFingerprint.merged(fingerprint, output, fingerprint.containsKey("python")
                ? "a probe of the image (a second container)" : "the engine's view of the image"));
        var findings = new java.util.ArrayList<>(judged.findings());
        smoke.image().ifPresent(image -> findings.addAll(ImageTagVersions.check(image, values,
                SourceLocation.of(Smoke.OUTPUT + "/smoke.json"))));
        return new SmokeResult("container", reason, ended.exitCode(), ended.timedOut(), ended.elapsed(), judged.samples(), values,
                findings, judged.metricsSource());
    }

    /**
     * A container that never started (the engine refused {@code docker run}: no GPU runtime, an unknown image):
     * a failed run with one finding that quotes the engine's first line.
     */
    public static SmokeResult notStarted(SmokeConfig smoke, String reason, String engineMessage, Map<String, String> fingerprint) {
        var values = new LinkedHashMap<String, String>();
        values.put("engine", "container");
        smoke.image().ifPresent(image -> values.put("image", image.toString()));
        values.putAll(fingerprint);
        var firstLine = engineMessage.strip().lines().findFirst().orElse("no message");
        var finding = Finding.error("smoke-container-start", smoke.where("image"),
                "the container did not start: " + firstLine)
                .withHint(smoke.gpus().equals("none") ? "check that the image exists on the agent's engine"
                        : "smoke.gpus is '" + smoke.gpus() + "': the agent's engine needs a GPU runtime (NVIDIA Container Toolkit)");
        return new SmokeResult("container", reason, -1, false, Duration.ZERO, List.of(), values, List.of(finding));
    }

    /** The mounts and caps a run had, as the report's fingerprint shows them. */
    private static void limitsInto(SmokeConfig.Container limits, Map<String, String> values) {
        if (!limits.mounts().isEmpty()) {
            values.put("mounts", String.join(", ", limits.mounts().stream().map(SmokeConfig.Mount::volume).toList()));
        }
        limits.shmSize().ifPresent(size -> values.put("shm-size", size.text()));
        limits.memory().ifPresent(size -> values.put("memory", size.text()));
        limits.cpus().ifPresent(cpus -> values.put("cpus", java.math.BigDecimal.valueOf(cpus).stripTrailingZeros().toPlainString()));
    }
}
