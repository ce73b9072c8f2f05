package io.mlexp.cli;

import io.mlexp.record.PullRequestRecordCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "record", description = {
    "The pull-request rule: when BASE..HEAD changes files under record.trigger-paths, it must add or change",
    "an experiment record, and every record it adds or changes must validate. A commit trailer",
    "'Experiment-Record: none <reason>' opts a change out; the reason is reported."})
final class CheckRecordCommand extends MlexpSubcommand {
    @Option(names = "--base", required = true, paramLabel = "REF", description = "The target branch, e.g. origin/main.")
    String base;

    @Option(names = "--head", paramLabel = "REF", defaultValue = "HEAD", description = "The change (default: ${DEFAULT-VALUE}).")
    String head;

    @Override
    public Integer call() {
        var workspace = workspace();
        var config = loadConfig(workspace);
        var outcome = new PullRequestRecordCheck(config.record()).check(workspace.root(), base, head);
        return report(config, outcome.findings(), outcome.summary());
    }
}
