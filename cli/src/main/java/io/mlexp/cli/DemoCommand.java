package io.mlexp.cli;

import io.mlexp.config.SmokeConfig;
import io.mlexp.demo.Demo;
import io.mlexp.demo.DemoRepository;
import io.mlexp.experiments.ExperimentTableFormats;
import io.mlexp.run.RunResult;
import io.mlexp.demo.ExampleProject;
import io.mlexp.run.RunJson;
import io.mlexp.run.ExperimentRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {
    "Shows mlexp end to end on the bundled digits example.",
    "Makes a scratch Git repository with a short history (commits, three annotated tags, a notebook record, a branch),",
    "runs the tag, branch and pull-request contexts (the smoke training on the embedded engine: no Docker, no Python),",
    "writes results back into a record, and writes a report with the experiment table. The last tag's message claims",
    "more than its full run measured: that failure is planted, and the only one the demo's exit code forgives."})
final class DemoCommand extends MlexpSubcommand {
    @Option(names = "--out", paramLabel = "DIR", description = "Where to put the repository and report (new or empty; default: a new temporary directory).")
    Path out;

    @Override
    public Integer call() throws IOException {
        var directory = out != null ? global().workingDirectory().resolve(out) : Files.createTempDirectory("mlexp-demo-");
        // The demo runs on any machine: the embedded engine needs neither Docker nor Python.
        var smokeProgress = (Consumer<String>) line -> {
            if (!json()) {
                out().println(colour("faint", "  │ ") + line);
                out().flush();
            }
        };
        var demo = new Demo(ExperimentRun.standard(Optional.of(SmokeConfig.Engine.EMBEDDED), smokeProgress), message -> {
            if (!json()) {
                out().println(message);
            }
        });
        var outcome = demo.run(directory, ExampleProject::copyBundled);
        if (json()) {
            out().println(RunJson.runs(outcome.runs()));
        } else {
            out().println();
            new RunPrinter(this).printAll(outcome.runs());
            out().println();
            if (outcome.runs().stream().anyMatch(r -> r.incomplete())) {
                out().println("Stages marked 'not available' are not built in this version of mlexp, or could not run"
                        + " here (their line says which); none is faked.");
            }
            out().println("Experiments (mlexp experiments --only-differing):");
            out().print(ExperimentTableFormats.text(outcome.experiments().onlyDiffering(), Terminal.columns()));
            out().println();
            if (outcome.asPlanned() && outcome.runs().stream().anyMatch(RunResult::failed)) {
                out().println("The tag " + DemoRepository.TAGS.get(DemoRepository.TAGS.size() - 1) + " fails as the demo plants it:"
                        + " its message claims more accuracy than its full run reached. Every other check passed.");
            }
            out().println("Repository: " + outcome.repository());
            out().println("Report:     " + outcome.report());
        }
        return outcome.asPlanned() ? ExitCodes.OK : ExitCodes.VIOLATIONS;
    }
}
