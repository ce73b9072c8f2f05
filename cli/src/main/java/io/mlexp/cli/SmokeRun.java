package io.mlexp.cli;

import io.mlexp.check.Finding;
import io.mlexp.config.SmokeConfig;
import io.mlexp.smoke.Smoke;
import io.mlexp.smoke.SmokeReport;
import io.mlexp.workspace.Workspace;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code mlexp smoke} without picocli, so that the command line CI runs on every push starts as fast as
 * a hook ({@link HookEntry}); {@link SmokeCommand} runs the same for every other form.
 */
final class SmokeRun {
    private SmokeRun() {
    }

    static int run(Workspace workspace, Optional<SmokeConfig.Engine> engine, Path out, Reporter reporter) {
        var printer = reporter.out();
        var config = workspace.loadConfig();
        var smoke = config.smoke();
        var chosen = engine.orElse(smoke.engine());
        var output = workspace.root().resolve(out);
        printer.println(reporter.colour("bold", "smoke: ")
                + Finding.printable(chosen == SmokeConfig.Engine.EMBEDDED ? smoke.embedded().model() : smoke.command()));
        var result = Smoke.run(smoke, chosen, workspace.root(), output, line -> {
            printer.println(reporter.colour("faint", "  │ ") + line);
            printer.flush();
        }).judgedBy(config.rules());
        printer.println("engine: " + result.engine() + " (" + Finding.printable(result.reason()) + ")");
        SmokeReport.write(output.resolve("smoke.json"), result);
        var series = SmokeReport.series(result.metrics());
        if (!result.metricsSource().isEmpty()) {
            printer.println("metrics: read " + series.stream().mapToInt(SmokeReport.Series::points).max().orElse(0) + " steps of "
                    + Finding.printable(String.join(", ", series.stream().map(SmokeReport.Series::name).toList())) + " from "
                    + Finding.printable(result.metricsSource()));
        }
        if (!series.isEmpty()) {
            printer.printf("%-20s %8s %14s %14s%n", "metric", "points", "first", "last");
            for (var metric : series) {
                printer.printf(Locale.ROOT, "%-20s %8d %14.6g %14.6g%n", Finding.printable(metric.name()), metric.points(), metric.first(), metric.last());
            }
        }
        printer.println("fingerprint: " + Finding.printable(result.fingerprint().toString()));
        return reporter.report(result.findings(), "smoke (" + result.engine() + ") in " + String.format(Locale.ROOT, "%.1f s",
                result.elapsed().toMillis() / 1000.0) + ", " + out + "/smoke.json");
    }
}
