package io.mlexp.cli;

import io.mlexp.config.SmokeConfig;
import io.mlexp.metrics.Sample;
import io.mlexp.smoke.Smoke;
import io.mlexp.smoke.SmokeReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "smoke", description = {
    "Runs the smoke training: smoke.command for a few steps, its output streamed live, then checks",
    "smoke.expect on the metrics it logged to $MLEXP_METRICS. Writes metrics.jsonl and smoke.json to --out.",
    "Engines: container (smoke.image through docker or podman), local, auto; embedded is not built yet."})
final class SmokeCommand extends MlexpSubcommand {
    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "container, local, embedded or auto (default: smoke.engine).")
    SmokeConfig.Engine engine;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".mlexp/smoke",
            description = "Where metrics.jsonl and smoke.json go, relative to the repository (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        var workspace = workspace();
        var smoke = loadConfig(workspace).smoke();
        var chosen = engine == null ? smoke.engine() : engine;
        var output = workspace.root().resolve(out);
        out().println(colour("bold", "smoke: ") + smoke.command());
        var result = Smoke.run(smoke, chosen, workspace.root(), output, line -> {
            out().println(colour("faint", "  │ ") + line);
            out().flush();
        });
        out().println("engine: " + result.engine() + " (" + result.reason() + ")");
        SmokeReport.write(output.resolve("smoke.json"), result);
        printTable(result.metrics());
        out().println("fingerprint: " + result.fingerprint());
        return report(result.findings(), "smoke (" + result.engine() + ") in " + String.format(Locale.ROOT, "%.1f s",
                result.elapsed().toMillis() / 1000.0) + ", " + out + "/smoke.json");
    }

    private void printTable(List<Sample> samples) {
        var series = SmokeReport.series(samples);
        if (series.isEmpty()) {
            return;
        }
        out().printf("%-20s %8s %14s %14s%n", "metric", "points", "first", "last");
        for (var metric : series) {
            out().printf(Locale.ROOT, "%-20s %8d %14.6g %14.6g%n", metric.name(), metric.points(), metric.first(), metric.last());
        }
    }
}
