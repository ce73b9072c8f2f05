package io.mlexp.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "commits", description = {
    "Checks every commit message of a range, as the pre-push hook and CI do.",
    "Merge, revert and fixup commits are skipped. A base missing from a shallow clone exits 3 "
            + "and says how to fetch more history."})
final class CheckCommitsCommand extends MlexpSubcommand {
    @Parameters(paramLabel = "RANGE", description = "BASE..HEAD, or one revision bounded by --exclude.")
    String range;

    @Option(names = "--exclude", paramLabel = "REV", description = "Leave out the history of REV (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Override
    public Integer call() {
        var checked = HookChecks.commits(workspace(), range, excludes);
        return report(checked.findings(), checked.summary());
    }
}
