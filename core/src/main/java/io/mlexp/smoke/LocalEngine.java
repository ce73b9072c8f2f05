package io.mlexp.smoke;

import io.mlexp.config.SmokeConfig;
import io.mlexp.util.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code local} engine: {@code smoke.command} as a process on this machine (an agent that already
 * is the pinned pod), with {@code MLEXP_METRICS} naming the file it logs to, and the fingerprint of the
 * local Python.
 */
public final class LocalEngine {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    static final String PROBE = """
            import json, platform
            info = {"python": platform.python_version()}
            try:
                import torch
                info["torch"] = torch.__version__
                info["cuda"] = str(torch.version.cuda)
                info["cudnn"] = str(torch.backends.cudnn.version())
                info["gpu"] = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
            except Exception as e:
                info["torch"] = "not importable: " + type(e).__name__
            print(json.dumps(info))
            """;

    private LocalEngine() {
    }

    /**
     * Runs the smoke command in {@code repository}; the metrics file is written to {@code output}.
     *
     * @param progress receives each line of the command's output as it comes
     */
    public static SmokeResult run(SmokeConfig smoke, Path repository, Path output, String reason, Consumer<String> progress) {
        var metricsFile = Judge.prepare(output);
        var started = java.time.Instant.now();
        var printed = StdoutMetrics.of(smoke.metrics().stdout());
        ProcessFingerprint.install(output);
        var environment = new java.util.LinkedHashMap<>(ProcessFingerprint.environment(output, Environment.get("PYTHONPATH")));
        environment.put("MLEXP_METRICS", metricsFile.toString());
        environment.put("PYTHONUNBUFFERED", "1");
        var ended = ProcessRun.run(List.of("sh", "-c", smoke.command()), repository, environment, smoke.timeout(), printed.tee(progress));
        var judged = Judge.judge(smoke, ended, metricsFile, new Judge.Where(repository, started, printed));
        var fingerprint = ProcessFingerprint.read(output).map(values -> {
            var merged = new LinkedHashMap<String, String>();
            merged.put("engine", "local");
            merged.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            merged.putAll(values);
            return (Map<String, String>) merged;
        }).orElseGet(() -> {
            var probed = new LinkedHashMap<>(fingerprint(smoke.command(), repository));
            probed.put(ProcessFingerprint.SOURCE_KEY, "a probe of the command's first word");
            return probed;
        });
        return new SmokeResult("local", reason, ended.exitCode(), ended.timedOut(), ended.elapsed(), judged.samples(),
                fingerprint, judged.findings(), judged.metricsSource());
    }

    /** The versions of the interpreter the command starts (the first word, when it is a Python). */
    static Map<String, String> fingerprint(String command, Path repository) {
        var interpreter = command.strip().split("\\s+")[0];
        var fingerprint = new LinkedHashMap<String, String>();
        fingerprint.put("engine", "local");
        fingerprint.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        if (!String.valueOf(Path.of(interpreter).getFileName()).startsWith("python")) {
            return fingerprint;
        }
        var lines = new ArrayList<String>();
        try {
            var ended = ProcessRun.run(List.of(interpreter, "-c", PROBE), repository, Map.of(), PROBE_TIMEOUT, lines::add);
            if (ended.exitCode() == 0 && !lines.isEmpty()) {
                fingerprint.putAll(Fingerprints.parse(lines.get(lines.size() - 1)));
            }
        } catch (io.mlexp.check.EnvironmentException e) {
            fingerprint.put("python", "not found: " + interpreter);
        }
        return fingerprint;
    }
}
