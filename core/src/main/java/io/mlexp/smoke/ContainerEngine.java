package io.mlexp.smoke;

import io.mlexp.config.SmokeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The {@code container} engine: {@code smoke.command} in the pinned {@code smoke.image} through the
 * docker (or podman) CLI, the repository mounted at {@code /workspace}, the output directory at
 * {@code /mlexp-out}. Every argument is passed as a list element; the image was parsed and its pin
 * checked when {@code .mlexp.yml} was loaded, so nothing else can reach the client. The image's digest
 * and the environment probe (a second container of the same image, skipped when {@link ProbeCache}
 * knows the image) run while the training runs.
 */
public final class ContainerEngine {
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

    private final String client;
    private final ProbeCache probes;

    /** @param client the docker or podman executable (the name from {@code smoke.cli}, or a path) */
    public ContainerEngine(String client) {
        this(client, ProbeCache.standard());
    }

    ContainerEngine(String client, ProbeCache probes) {
        this.client = client;
        this.probes = probes;
    }

    public SmokeResult run(SmokeConfig smoke, Path repository, Path output, String reason, Consumer<String> progress) {
        var plan = ContainerPlan.of(smoke, repository, output);
        var image = plan.image();
        var name = "mlexp-" + UUID.randomUUID().toString().substring(0, 12);
        var inspected = CompletableFuture.supplyAsync(() -> inspect(image, repository));
        var probe = inspected.thenApplyAsync(identity -> identity.id().map(id -> ProbeCache.key(id, smoke.gpus()))
                .map(key -> probes.find(key).orElseGet(() -> {
                    var probed = probe(smoke, repository, output);
                    probed.ifPresent(values -> probes.store(key, values));
                    return probed.orElse(Map.of());
                }))
                .orElseGet(() -> probe(smoke, repository, output).orElse(Map.of())));
        ProcessRun.Ended ended;
        var started = java.time.Instant.now();
        var printed = StdoutMetrics.of(smoke.metrics().stdout());
        try (var removal = ContainerRemoval.whileRunning(client, name)) {
            ended = ProcessRun.run(runArguments(smoke, repository, output, name, plan.command()),
                    repository, Map.of(), smoke.timeout(), printed.tee(progress));
            if (ended.timedOut() || ended.exitCode() != 0) {
                removal.now(); // the client may have died while the container lives on
            }
        }
        var fingerprint = new LinkedHashMap<String, String>();
        var identity = inspected.join();
        fingerprint.put("digest", identity.digests());
        identity.id().ifPresent(id -> fingerprint.put("image-id", id));
        fingerprint.putAll(probe.join());
        return ContainerPlan.judge(smoke, output, reason, ended, fingerprint, new Judge.Where(repository, started, printed));
    }

    /** {@code docker run --rm --name NAME}, then the plan's options, mounts, environment, image and command. */
    List<String> runArguments(SmokeConfig smoke, Path repository, Path output, String name, List<String> command) {
        var arguments = new ArrayList<>(List.of(client, "run", "--rm", "--name", name));
        arguments.addAll(ContainerPlan.of(smoke, repository, output, command).runArguments());
        return arguments;
    }

    /** The image's ID and repository digests, as the client knows them; empty before the image is pulled. */
    private record Identity(Optional<String> id, String digests) {
    }

    private Identity inspect(String image, Path repository) {
        var lines = new ArrayList<String>();
        var ended = ProcessRun.run(List.of(client, "image", "inspect", "--format", "{{.Id}} {{json .RepoDigests}}", image),
                repository, Map.of(), CLIENT_TIMEOUT, lines::add);
        if (ended.exitCode() != 0 || lines.isEmpty() || !lines.get(0).startsWith("sha256:")) {
            return new Identity(Optional.empty(), "unknown");
        }
        var parts = lines.get(0).split(" ", 2);
        return new Identity(Optional.of(parts[0]), parts.length > 1 ? parts[1] : "[]");
    }

    /**
     * Python, torch, CUDA and cuDNN from the same image, and the GPU through nvidia-smi when there is one;
     * empty when the probe's container could not run.
     */
    @SuppressWarnings("try") // the removal is there for its close: the probe's container goes whatever happens
    private Optional<Map<String, String>> probe(SmokeConfig smoke, Path repository, Path output) {
        var lines = new ArrayList<String>();
        var name = "mlexp-probe-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessRun.Ended ended;
        try (var ignored = ContainerRemoval.whileRunning(client, name)) {
            ended = ProcessRun.run(runArguments(smoke, repository, output, name, List.of("sh", "-c", ContainerProbe.script())), repository,
                    Map.of(), CLIENT_TIMEOUT, lines::add);
        }
        if (ended.timedOut() || ended.exitCode() != 0) {
            return Optional.empty();
        }
        return Optional.of(ContainerProbe.parse(lines));
    }
}
