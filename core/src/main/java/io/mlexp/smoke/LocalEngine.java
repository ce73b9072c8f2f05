package io.mlexp.smoke;

import io.mlexp.check.Finding;
import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.SmokeConfig;
import io.mlexp.metrics.Expectations;
import io.mlexp.metrics.MetricsReader;
import io.mlexp.metrics.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    private static final String PROBE = """
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
        var metricsFile = output.resolve("metrics.jsonl").toAbsolutePath();
        try {
            Files.createDirectories(output);
            Files.deleteIfExists(metricsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + output + ": " + e.getMessage(), e);
        }
        var ended = ProcessRun.run(List.of("sh", "-c", smoke.command()), repository,
                Map.of("MLEXP_METRICS", metricsFile.toString(), "PYTHONUNBUFFERED", "1"), smoke.timeout(), progress);
        var findings = new ArrayList<Finding>();
        if (ended.timedOut()) {
            findings.add(Finding.error("smoke-timeout", SourceLocation.of(".mlexp.yml"),
                    "the smoke run did not end within smoke.timeout " + smoke.timeout().toSeconds() + "s and was stopped")
                    .withHint("make the smoke run shorter (fewer steps) or raise smoke.timeout"));
        } else if (ended.exitCode() != 0) {
            findings.add(Finding.error("smoke-command-failed", SourceLocation.of(".mlexp.yml"),
                    "'" + smoke.command() + "' exited with " + ended.exitCode())
                    .withHint("its output is above; run the command yourself to reproduce"));
        }
        List<Sample> samples = List.of();
        if (Files.exists(metricsFile)) {
            try {
                samples = MetricsReader.read(metricsFile, "metrics.jsonl");
            } catch (InvalidInputException e) {
                findings.addAll(e.findings());
            }
        }
        if (!ended.timedOut() && ended.exitCode() == 0) {
            findings.addAll(Expectations.check(smoke.expect(), samples, "metrics.jsonl"));
        }
        return new SmokeResult("local", reason, ended.exitCode(), ended.timedOut(), ended.elapsed(), samples,
                fingerprint(smoke.command(), repository), findings);
    }

    /** The versions of the interpreter the command starts (the first word, when it is a Python). */
    static Map<String, String> fingerprint(String command, Path repository) {
        var interpreter = command.strip().split("\\s+")[0];
        var fingerprint = new LinkedHashMap<String, String>();
        fingerprint.put("engine", "local");
        fingerprint.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        if (!Path.of(interpreter).getFileName().toString().startsWith("python")) {
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
