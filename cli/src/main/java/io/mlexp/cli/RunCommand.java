package io.mlexp.cli;

import io.mlexp.check.InvalidInputException;
import io.mlexp.check.SourceLocation;
import io.mlexp.ci.RunOutcome;
import io.mlexp.context.BuildContext;
import io.mlexp.run.RunJson;
import io.mlexp.run.ExperimentRun;
import io.mlexp.run.Stage;
import io.mlexp.util.Environment;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", description = {
    "Runs every stage the build context calls for, as the Jenkins step does.",
    "Branch push: config, commits, configs, smoke. Pull request: also the record and the comparison "
            + "with the base. Tag: config, configs, record, smoke, publish."})
final class RunCommand extends MlexpSubcommand {
    enum ContextOption { auto, branch, pr, tag }

    @Option(names = "--context", defaultValue = "auto",
            description = "${COMPLETION-CANDIDATES}; auto reads TAG_NAME, CHANGE_ID/CHANGE_TARGET and "
                    + "GIT_PREVIOUS_SUCCESSFUL_COMMIT as Jenkins sets them (default: ${DEFAULT-VALUE}).")
    ContextOption context;

    @Option(names = "--base", paramLabel = "REF", description = "The base: the last good commit, or the pull request's target.")
    String base;

    @Option(names = "--head", paramLabel = "REF",
            description = "The commit under test (default: the tag for --context tag, else HEAD).")
    String head;

    @Option(names = "--tag", paramLabel = "NAME", description = "The tag, for --context tag.")
    String tag;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE",
            description = "Only these stages: config, commits, configs, record, smoke, publish.")
    List<String> stages;

    @Override
    public Integer call() {
        var workspace = workspace();
        var config = loadConfig(workspace);
        var result = ExperimentRun.standard(Optional.empty(), line -> {
            if (!json()) {
                out().println(colour("faint", "  │ ") + line);
                out().flush();
            }
        }).run(workspace, config, buildContext(), selectedStages());
        if (json()) {
            out().println(RunJson.runs(List.of(result)));
        } else {
            new RunPrinter(this).print(result);
        }
        var verdict = RunOutcome.Verdict.of(result.stages());
        if (verdict == RunOutcome.Verdict.INCOMPLETE) {
            err().println("mlexp: some stages are not built in this version or could not run here, so the run is incomplete");
        }
        return verdict.exitCode();
    }

    private BuildContext buildContext() {
        return switch (context) {
            case auto -> BuildContext.fromEnvironment(Environment.all());
            case branch -> BuildContext.branch(Optional.ofNullable(base), headOr("HEAD"));
            case pr -> BuildContext.pullRequest(required(base, "--base"), headOr("HEAD"));
            case tag -> BuildContext.tag(required(tag, "--tag"), headOr("refs/tags/" + tag)); // --tag means that tag
        };
    }

    private String headOr(String revision) {
        return head == null ? revision : head;
    }

    private Set<Stage> selectedStages() {
        return stages == null ? EnumSet.allOf(Stage.class) : Stage.fromLabels(stages, "--stages");
    }

    private static String required(String value, String option) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("option-missing", SourceLocation.of(option), "this context needs " + option);
        }
        return value;
    }
}
