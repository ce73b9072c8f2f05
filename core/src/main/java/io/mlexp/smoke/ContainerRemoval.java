package io.mlexp.smoke;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes a named container when its run fails, and when mlexp itself is stopped (Ctrl-C, a CI abort)
 * while the container still runs: {@code docker run --rm} alone leaves it running when its client dies.
 */
final class ContainerRemoval implements AutoCloseable {
    private static final Duration REMOVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<ContainerRemoval> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ContainerRemoval::now), "mlexp-container-removal"));
    }

    private final String client;
    private final String name;

    private ContainerRemoval(String client, String name) {
        this.client = client;
        this.name = name;
    }

    static ContainerRemoval whileRunning(String client, String name) {
        var removal = new ContainerRemoval(client, name);
        RUNNING.add(removal);
        return removal;
    }

    /** {@code docker rm -f NAME}; quiet when there is no such container. */
    void now() {
        ProcessRun.run(List.of(client, "rm", "-f", name), Path.of("."), Map.of(), REMOVE_TIMEOUT, line -> { });
    }

    @Override
    public void close() {
        RUNNING.remove(this);
    }
}
